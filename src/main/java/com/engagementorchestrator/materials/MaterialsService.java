package com.engagementorchestrator.materials;

import com.engagementorchestrator.engagement.EngagementProcess;
import com.engagementorchestrator.common.FieldProblem;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.common.UploadedFiles;
import com.engagementorchestrator.engagement.ClientLetters;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.promise.Promise;
import com.engagementorchestrator.promise.PromiseLedger;
import com.engagementorchestrator.reminder.Consequence;
import com.engagementorchestrator.reminder.Obligation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Materials and answers the work needs (DOMAIN.md step 5; seed 002, "client does not send information"): a brief
 * drafted from the defaults, edited by a moderator, sent with a date per item; the client sends items or asks once
 * per item for more time; a moderator reviews completeness and missing items go back.
 */
@Service
@Transactional
public class MaterialsService implements Obligation {

    public static final String OBLIGATION = "MATERIALS";
    public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;
    public static final int MAX_EXTENSION_DAYS = 60;
    /** Work files clients send: documents, images, archives, office files and text; never executables. */
    static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "image/gif",
            "image/webp", "image/svg+xml", "image/tiff", "application/zip", "text/plain", "text/csv", "application/rtf",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/x-tika-ooxml", "application/x-tika-msoffice", "application/postscript", "application/illustrator");
    static final String ACCEPTED_LABEL = "documents, images, archives, office files and text";

    private final Briefs briefs;
    private final BriefItems items;
    private final MaterialSubmissions submissions;
    private final BriefDefaults defaults;
    private final EngagementLifecycle lifecycle;
    private final PromiseLedger promises;
    private final ClientLetters letters;
    private final UploadedFiles files;
    private final Duration resubmitWithin;
    /** The client portal, where a letter's link opens the engagement's open task. */
    private final String portalUrl;

    public MaterialsService(Briefs briefs, BriefItems items, MaterialSubmissions submissions, BriefDefaults defaults,
                            EngagementLifecycle lifecycle, PromiseLedger promises, ClientLetters letters, UploadedFiles files,
                            @Value("${engagement.materials.resubmit-within:P3D}") Duration resubmitWithin,
                            @Value("${engagement.public-url}") String publicUrl) {
        this.briefs = briefs;
        this.items = items;
        this.submissions = submissions;
        this.defaults = defaults;
        this.lifecycle = lifecycle;
        this.promises = promises;
        this.letters = letters;
        this.files = files;
        this.resubmitWithin = resubmitWithin;
        this.portalUrl = publicUrl + "/portal/#/task/";
    }

    /** One item as the client sends it: an answer, a file, or a new date asked for. */
    public record ItemInput(String answer, String fileName, byte[] content, String extendTo) {
    }

    /** After a submission: whether a moderator has anything to review, and when the next open item is due. */
    public record Submitted(boolean toReview, Instant nextDueAt) {
    }

    @Override
    public String kind() {
        return OBLIGATION;
    }

    @Override
    public String clientTask() {
        return EngagementProcess.Elements.PROVIDE_MATERIALS;
    }

    /** The default checklist for the engagement's kind of work, one line per item: KIND | title | due date. */
    @Transactional(readOnly = true)
    public String draft(long engagementId) {
        Engagement e = lifecycle.get(engagementId);
        LocalDate today = Time.today();
        return defaults.forKind(e.getKindOfWork()).stream()
                .map(d -> d.kind() + " | " + d.title() + " | " + today.plusDays(d.dueInDays()))
                .collect(Collectors.joining("\n"));
    }

    /** Replaces the draft checklist with the moderator's edited lines; every bad line is named. */
    public List<BriefItem> saveBrief(long engagementId, String lines) {
        Engagement e = lifecycle.get(engagementId);
        Brief brief = briefs.findById(engagementId).orElseGet(() -> briefs.save(new Brief(engagementId)));
        if (brief.getStatus() != Brief.Status.DRAFT) {
            throw new IllegalStateException("The brief of " + e.getNumber() + " was already sent");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<BriefItem> parsed = new ArrayList<>();
        String[] rows = lines == null ? new String[0] : lines.split("\\R");
        int position = 0;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String[] parts = rows[i].split("\\|", -1);
            String where = "line " + (i + 1) + ": ";
            if (parts.length != 3) {
                problems.add(new FieldProblem("briefItems", where + "write KIND | title | due date (YYYY-MM-DD), got '" + rows[i].trim() + "'"));
                continue;
            }
            BriefItem.Kind kind;
            try {
                kind = BriefItem.Kind.valueOf(parts[0].trim().toUpperCase());
            } catch (IllegalArgumentException ex) {
                problems.add(new FieldProblem("briefItems", where + "the kind must be FILE or ANSWER, got '" + parts[0].trim() + "'"));
                continue;
            }
            String title = parts[1].trim();
            if (title.isEmpty() || title.length() > 300) {
                problems.add(new FieldProblem("briefItems", where + "the title must have 1 to 300 characters"));
                continue;
            }
            LocalDate due;
            try {
                due = Time.parseDate(parts[2].trim());
            } catch (DateTimeParseException ex) {
                problems.add(new FieldProblem("briefItems", where + "the due date must be an ISO date such as 2027-03-31, got '" + parts[2].trim() + "'"));
                continue;
            }
            if (due.isBefore(Time.today())) {
                problems.add(new FieldProblem("briefItems", where + "the due date " + due + " is in the past"));
                continue;
            }
            parsed.add(new BriefItem(engagementId, ++position, kind, title, due));
        }
        if (problems.isEmpty() && parsed.isEmpty()) {
            problems.add(new FieldProblem("briefItems", "the brief needs at least one item"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        items.deleteAll(items.findByEngagementIdOrderByPositionAsc(engagementId));
        items.flush();
        return items.saveAll(parsed);
    }

    /** Sends the brief; every item is a promise of the client. Answers when the first item is due. */
    public Instant sendBrief(long engagementId) {
        Brief brief = briefs.findById(engagementId)
                .orElseThrow(() -> new IllegalStateException("Engagement " + engagementId + " has no brief"));
        Engagement e = lifecycle.get(engagementId);
        if (brief.getStatus() == Brief.Status.DRAFT) {
            brief.send();
            for (BriefItem item : items(engagementId)) {
                promises.make(party(e), Promise.Kind.BRIEF_ITEM, subject(item),
                        "send " + item.getKind().name().toLowerCase() + ": " + item.getTitle(), item.dueAt());
            }
            letters.write(e, "materials.brief", "materials-brief/" + e.getNumber(),
                    checklist(awaited(engagementId), e.getClient().getLocale()), portalUrl + e.getNumber() + "/" + clientTask());
        }
        return nextDueAt(engagementId);
    }

    @Transactional(readOnly = true)
    public List<BriefItem> items(long engagementId) {
        return items.findByEngagementIdOrderByPositionAsc(engagementId);
    }

    @Transactional(readOnly = true)
    public List<BriefItem> awaited(long engagementId) {
        return items(engagementId).stream().filter(BriefItem::isAwaited).toList();
    }

    /**
     * The client's submission: answers and files for some items, new dates for others. Nothing is stored unless all of
     * it is valid; every bad field is named.
     */
    public Submitted submit(long engagementId, String submittedBy, Map<Long, ItemInput> inputs) {
        Engagement e = lifecycle.get(engagementId);
        Brief brief = briefs.findById(engagementId).orElseThrow();
        Map<Long, BriefItem> awaited = awaited(engagementId).stream().collect(Collectors.toMap(BriefItem::getId, i -> i));
        List<FieldProblem> problems = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        boolean anySubmitted = false;
        boolean anyExtension = false;
        for (var entry : inputs.entrySet()) {
            BriefItem item = awaited.get(entry.getKey());
            ItemInput input = entry.getValue();
            if (item == null) {
                problems.add(new FieldProblem("item_" + entry.getKey(), "no open item " + entry.getKey() + " in this brief"));
                continue;
            }
            boolean hasAnswer = input.answer() != null && !input.answer().isBlank();
            boolean hasFile = input.content() != null && input.content().length > 0;
            boolean hasExtension = input.extendTo() != null && !input.extendTo().isBlank();
            if (hasExtension && (hasAnswer || hasFile)) {
                problems.add(new FieldProblem("extend_" + item.getId(), "ask for more time only for items you do not send now"));
                continue;
            }
            if (hasExtension) {
                LocalDate newDate = extensionDate(item, input.extendTo(), problems);
                if (newDate != null) {
                    anyExtension = true;
                    writes.add(() -> extend(e, item, newDate));
                }
                continue;
            }
            if (item.getKind() == BriefItem.Kind.ANSWER && hasAnswer) {
                if (input.answer().length() > 10_000) {
                    problems.add(new FieldProblem("answer_" + item.getId(), "at most 10000 characters"));
                    continue;
                }
                anySubmitted = true;
                writes.add(() -> record(item, brief, input.answer().trim(), null, submittedBy));
            } else if (item.getKind() == BriefItem.Kind.FILE && hasFile) {
                try {
                    var checked = files.check("file_" + item.getId(), input.fileName(), input.content(), MAX_FILE_BYTES,
                            ACCEPTED_TYPES, ACCEPTED_LABEL);
                    anySubmitted = true;
                    writes.add(() -> record(item, brief, hasAnswer ? input.answer().trim() : null, checked, submittedBy));
                } catch (InvalidInputException ex) {
                    problems.addAll(ex.problems());
                }
            } else if (hasAnswer || hasFile) {
                problems.add(new FieldProblem((hasFile ? "file_" : "answer_") + item.getId(),
                        "item " + item.getPosition() + " asks for " + (item.getKind() == BriefItem.Kind.FILE ? "a file" : "an answer")));
            }
        }
        if (problems.isEmpty() && !anySubmitted && !anyExtension) {
            problems.add(new FieldProblem("materials", "send at least one item, or ask for more time for an item"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        writes.forEach(Runnable::run);
        return new Submitted(anySubmitted, nextDueAt(engagementId));
    }

    /** Submitted items waiting for the moderator's review. */
    @Transactional(readOnly = true)
    public List<BriefItem> submitted(long engagementId) {
        return items(engagementId).stream().filter(i -> i.getStatus() == BriefItem.Status.SUBMITTED).toList();
    }

    /**
     * The moderator's review: every submitted item not marked missing is accepted (its promise kept, dated by the
     * submission). Answers whether the brief is complete.
     */
    public boolean review(long engagementId, Collection<Long> missingItemIds, String notes) {
        List<BriefItem> submitted = submitted(engagementId);
        Set<Long> submittedIds = submitted.stream().map(BriefItem::getId).collect(Collectors.toSet());
        List<FieldProblem> problems = new ArrayList<>();
        missingItemIds.stream().filter(id -> !submittedIds.contains(id)).forEach(id ->
                problems.add(new FieldProblem("missingItems", "item " + id + " is not among the submitted items")));
        if (!missingItemIds.isEmpty() && (notes == null || notes.isBlank())) {
            problems.add(new FieldProblem("reviewNotes", "say what is missing or wrong; the client reads it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (BriefItem item : submitted) {
            if (missingItemIds.contains(item.getId())) {
                item.missing(notes.trim());
            } else {
                item.accept();
                Instant sentAt = submissions.findFirstByItemIdOrderByIdDesc(item.getId()).map(MaterialSubmission::getSubmittedAt)
                        .orElse(Time.now());
                promises.fulfilSubject(engagementId, subject(item), sentAt);
            }
        }
        promises.breakOverdue(engagementId);
        return items(engagementId).stream().allMatch(i -> i.getStatus() == BriefItem.Status.ACCEPTED);
    }

    /** Missing items go back to the client; an overdue one gets a short new date. Answers the next due date. */
    public Instant requestMissing(long engagementId) {
        Brief brief = briefs.findById(engagementId).orElseThrow();
        brief.nextRound();
        Engagement e = lifecycle.get(engagementId);
        LocalDate soonest = Time.today().plusDays(Math.max(1, resubmitWithin.toDays()));
        List<BriefItem> missing = awaited(engagementId);
        for (BriefItem item : missing) {
            if (item.getDueDate().isBefore(soonest)) {
                item.reschedule(soonest);
                promises.make(party(e), Promise.Kind.BRIEF_ITEM, subject(item),
                        "send again: " + item.getTitle(), item.dueAt());
            }
        }
        letters.write(e, "materials.missing", "materials-missing/" + e.getNumber() + "/" + brief.getRounds(),
                checklist(missing, e.getClient().getLocale()), portalUrl + e.getNumber() + "/" + clientTask(), brief.getRounds());
        return nextDueAt(engagementId);
    }

    public void complete(long engagementId) {
        briefs.findById(engagementId).orElseThrow().complete();
        Engagement e = lifecycle.get(engagementId);
        letters.write(e, "materials.complete", "materials-complete/" + e.getNumber());
    }

    /** After a lifted block, overdue items get a new date: new promises. */
    public Instant renewDueDates(long engagementId, Duration grace) {
        Engagement e = lifecycle.get(engagementId);
        LocalDate newDate = Time.today().plusDays(Math.max(1, grace.toDays()));
        for (BriefItem item : awaited(engagementId)) {
            if (item.dueAt().isBefore(Time.now())) {
                item.reschedule(newDate);
                promises.make(party(e), Promise.Kind.BRIEF_ITEM, subject(item), "send after the block: " + item.getTitle(),
                        item.dueAt());
            }
        }
        return nextDueAt(engagementId);
    }

    /** The time a client was blocked does not count: open items' dates move by it (whole days, rounded up). */
    public void postpone(Collection<Long> engagementIds, Duration by) {
        long days = (by.toHours() + 23) / 24;
        items.findByEngagementIdInOrderByPositionAsc(engagementIds).stream().filter(BriefItem::isAwaited)
                .forEach(i -> i.reschedule(i.getDueDate().plusDays(days)));
    }

    @Transactional(readOnly = true)
    public Instant nextDueAt(long engagementId) {
        return awaited(engagementId).stream().map(BriefItem::dueAt).min(Comparator.naturalOrder())
                .orElse(Time.now().plus(resubmitWithin));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean stillUnmet(long engagementId) {
        return !awaited(engagementId).isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public String describe(long engagementId, String locale) {
        return letters.fragment("obligation.MATERIALS", locale, checklist(awaited(engagementId), locale));
    }

    /** The brief comes after the deposit is paid: work has started and pauses while the client is silent. */
    @Override
    public Consequence consequence(long engagementId) {
        return Consequence.WORK_PAUSED;
    }

    @Transactional(readOnly = true)
    public List<MaterialSubmission> submissionsOf(Collection<Long> itemIds) {
        return submissions.findByItemIdInOrderByIdAsc(itemIds);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<MaterialSubmission> submission(long engagementId, long submissionId) {
        Set<Long> itemIds = items(engagementId).stream().map(BriefItem::getId).collect(Collectors.toSet());
        return submissions.findById(submissionId).filter(s -> itemIds.contains(s.getItemId()));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Brief> brief(long engagementId) {
        return briefs.findById(engagementId);
    }

    private LocalDate extensionDate(BriefItem item, String value, List<FieldProblem> problems) {
        String field = "extend_" + item.getId();
        if (item.isExtensionRequested()) {
            problems.add(new FieldProblem(field, "more time for item " + item.getPosition() + " was already asked once"));
            return null;
        }
        LocalDate newDate;
        try {
            newDate = Time.parseDate(value.trim());
        } catch (DateTimeParseException ex) {
            problems.add(new FieldProblem(field, "must be an ISO date such as 2027-03-31"));
            return null;
        }
        LocalDate earliest = item.getDueDate().isAfter(Time.today()) ? item.getDueDate() : Time.today();
        if (!newDate.isAfter(earliest)) {
            problems.add(new FieldProblem(field, "the new date must be after " + earliest));
            return null;
        }
        if (newDate.isAfter(earliest.plusDays(MAX_EXTENSION_DAYS))) {
            problems.add(new FieldProblem(field, "at most " + MAX_EXTENSION_DAYS + " days more can be asked"));
            return null;
        }
        return newDate;
    }

    private void extend(Engagement e, BriefItem item, LocalDate newDate) {
        item.extend(newDate);
        promises.renegotiate(e.getId(), Promise.Kind.BRIEF_ITEM, subject(item), party(e), Promise.Kind.EXTENSION,
                "send by the extended date: " + item.getTitle(), item.dueAt());
    }

    private void record(BriefItem item, Brief brief, String answer, UploadedFiles.Checked file, String submittedBy) {
        submissions.save(new MaterialSubmission(item.getId(), brief.getRounds(), answer,
                file == null ? null : new StoredFile(file), submittedBy));
        item.submitted();
    }

    /** One line per item in the client's language: position, title, what kind of item, date, a reviewer's note. */
    private String checklist(List<BriefItem> list, String locale) {
        return list.stream().map(i -> letters.fragment(i.getReviewNote() == null ? "materials.item" : "materials.item.noted",
                        locale, i.getPosition(), i.getTitle(), letters.fragment("materials.kind." + i.getKind().name(), locale),
                        i.getDueDate().toString(), i.getReviewNote()))
                .collect(Collectors.joining("\n"));
    }

    static String subject(BriefItem item) {
        return "item-" + item.getId();
    }

    private static Promise.Party party(Engagement e) {
        return new Promise.Party(e.getClient().getId(), e.getCompany().getId(), e.getId());
    }
}
