package com.engagementorchestrator.stories;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One client story taken from a seed article: the sentence it comes from, the intake (as changes to
 * {@link com.engagementorchestrator.support.Intakes#clean}), the registry's answer, what the moderator observes in the
 * intro call and decides (following the article), and the outcome the article implies.
 */
final class Story {

    enum Verdict { ACCEPT, REVIEW, DECLINE }

    /** Which trace of an earlier, declined engagement this story's client shares with it. */
    enum Memory {
        /** A colleague registers with the registration number (and name) of a company declined before. */
        SAME_COMPANY(true),
        /**
         * A colleague registers with the registration number of a company whose contact was blocked for broken
         * feedback obligations (seed 000, marker 3: two months of promises, then the block).
         */
        SAME_COMPANY_BLOCKED(true),
        /** Someone registers for another company with the phone of a client declined before. */
        SAME_PHONE(true),
        /** Someone registers for another company from the (corporate) e-mail domain of a client declined before. */
        SAME_EMAIL_DOMAIN(true),
        /** A stranger shares only a public mail domain (gmail.com) with a client declined before: no memory. */
        PUBLIC_DOMAIN_GMAIL(false),
        /** A stranger shares only a public mail domain (mail.ru) with a client declined before: no memory. */
        PUBLIC_DOMAIN_MAIL_RU(false);

        final boolean remembered;

        Memory(boolean remembered) {
            this.remembered = remembered;
        }
    }

    /** What the company registry answers for the registration number (WireMock), or the moderator's manual check. */
    record Registry(String status, int debtCases, int bankruptcyCases, boolean unknown, ManualCheck manual) {

        static Registry active() {
            return new Registry("ACTIVE", 0, 0, false, null);
        }

        static Registry company(String status, int debtCases, int bankruptcyCases) {
            return new Registry(status, debtCases, bankruptcyCases, false, null);
        }

        /** The registry knows no such company; a moderator checks by hand (CheckCompanyManuallyTask). */
        static Registry unknownThenManual(ManualCheck manual) {
            return new Registry(null, 0, 0, true, manual);
        }

        /** No registry covers the company (no registration number, or a foreign company): the manual check only. */
        static Registry manualOnly(ManualCheck manual) {
            return new Registry(null, 0, 0, false, manual);
        }

        @Override
        public String toString() {
            if (status != null) {
                return status + (debtCases > 0 ? ", " + debtCases + " debt case(s)" : "")
                        + (bankruptcyCases > 0 ? ", " + bankruptcyCases + " bankruptcy case(s)" : "");
            }
            return (unknown ? "unknown in registry; " : "") + "manual: " + manual;
        }
    }

    /** The fields of CheckCompanyManuallyTask as the moderator fills them in. */
    record ManualCheck(String companyStatus, int debtCases, int bankruptcyCases, String notes, boolean reviewsShowBrokenObligations) {

        Map<String, Object> form() {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("companyStatus", companyStatus);
            form.put("debtCases", debtCases);
            form.put("bankruptcyCases", bankruptcyCases);
            form.put("companyCheckNotes", notes);
            if (reviewsShowBrokenObligations) {
                form.put("companyReviewsShowBrokenObligations", true);
            }
            return form;
        }

        @Override
        public String toString() {
            return companyStatus + (reviewsShowBrokenObligations ? ", reviews show broken obligations" : "");
        }
    }

    /** The intro call (ReviewScreeningTask): what the moderator records and decides. Unchecked boxes are not sent. */
    static final class Call {
        final Map<String, Object> fields = new LinkedHashMap<>();
        Verdict decision;

        static Call call() {
            return new Call();
        }

        Call anonymity() {
            return flag("observedAnonymity");
        }

        Call brokenPromise(String whatWasPromised) {
            fields.put("promisesBeforeCall", whatWasPromised);
            return flag("observedBrokenPromises");
        }

        Call brokenPromisesRepeatedly(String whatWasPromised) {
            brokenPromise(whatWasPromised);
            return flag("observedBrokenPromisesRepeatedly");
        }

        Call blamesPrevious() {
            return flag("observedBlamesPrevious");
        }

        Call previousContractorsWereRight() {
            return flag("observedPreviousContractorsWereRight");
        }

        Call sinkingShip() {
            return flag("observedSinkingShip");
        }

        Call partnersSplit() {
            return flag("observedPartnersSplit");
        }

        Call badReviews() {
            return flag("companyReviewsShowBrokenObligations");
        }

        Call noClearGoal() {
            return flag("observedNoClearGoal");
        }

        Call wontCompromise() {
            return flag("observedWontCompromise");
        }

        Call noDecisionsButActive() {
            return flag("observedNoDecisionsButActive");
        }

        /** Seed 002's ground rules: the agreed channel and how often we report. */
        Call agree(String preferredContactChannel, int reportEveryDays) {
            fields.put("preferredContactChannel", preferredContactChannel);
            fields.put("reportEveryDays", reportEveryDays);
            return this;
        }

        Call notes(String callNotes) {
            fields.put("callNotes", callNotes);
            return this;
        }

        Call decide(Verdict decision) {
            this.decision = decision;
            return this;
        }

        private Call flag(String name) {
            fields.put(name, true);
            return this;
        }

        List<String> observed() {
            return fields.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
        }

        @Override
        public String toString() {
            return observed() + " -> " + decision;
        }
    }

    final String id;
    final String name;
    final String seed;
    final String quote;
    Consumer<Map<String, Object>> intake = body -> { };
    String intakeSummary = "clean";
    Registry registry = Registry.active();
    Call call = Call.call().decide(Verdict.ACCEPT);
    Memory memory;
    Verdict rules;
    Verdict decision;
    List<String> markers = List.of();

    private Story(String id, String name, String seed, String quote) {
        this.id = id;
        this.name = name;
        this.seed = seed;
        this.quote = quote;
    }

    static Story story(String id, String name, String seed, String quote) {
        return new Story(id, name, seed, quote);
    }

    Story intake(String summary, Consumer<Map<String, Object>> change) {
        this.intakeSummary = summary;
        this.intake = change;
        return this;
    }

    Story registry(Registry answer) {
        this.registry = answer;
        return this;
    }

    Story call(Call intro) {
        this.call = intro;
        return this;
    }

    Story remembers(Memory trace) {
        this.memory = trace;
        return this;
    }

    /** Marker ids the story expects to see (printed for comparison, not asserted: ids of memory markers may differ). */
    Story markers(String... ids) {
        this.markers = List.of(ids);
        return this;
    }

    /** The rules' verdict (after the call's observations) and the final decision the article implies. */
    Story expect(Verdict rulesVerdict, Verdict finalDecision) {
        this.rules = rulesVerdict;
        this.decision = finalDecision;
        return this;
    }

    @Override
    public String toString() {
        return id + " " + name;
    }
}
