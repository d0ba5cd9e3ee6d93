package com.engagementorchestrator.protocol;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders a protocol with its hash and signatures to PDF (OpenPDF), in a font that has Cyrillic. */
@Component
public class ProtocolPdf {

    private final BaseFont font;

    public ProtocolPdf() {
        // OpenPDF ships Liberation Sans (Latin and Cyrillic) as a resource.
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("font-fallback/LiberationSans-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF's Liberation Sans font is missing from the classpath");
            }
            this.font = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(Protocol protocol, String engagementNumber, List<ProtocolSignature> signatures,
                         ProtocolService.Verification verification) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Protocol " + protocol.getNumber() + " v" + protocol.getVersion());
            document.open();
            Font title = new Font(font, 16, Font.BOLD);
            Font heading = new Font(font, 12, Font.BOLD);
            Font text = new Font(font, 10);
            Font small = new Font(font, 8);
            ProtocolContent content = protocol.content();
            document.add(new Paragraph("Protocol " + protocol.getNumber() + ", version " + protocol.getVersion(), title));
            document.add(new Paragraph("Engagement " + engagementNumber + " · meeting of " + content.meetingDate()
                    + " · status " + protocol.getStatus(), text));
            section(document, "Participants", content.participants(), heading, text);
            section(document, "Decisions", content.decisions(), heading, text);
            document.add(new Paragraph("Agreements", heading));
            PdfPTable agreements = new PdfPTable(new float[] {2, 6, 2});
            agreements.setWidthPercentage(100);
            agreements.addCell(new Paragraph("Owed by", small));
            agreements.addCell(new Paragraph("What", small));
            agreements.addCell(new Paragraph("By", small));
            for (ProtocolContent.Agreement a : content.agreements()) {
                agreements.addCell(new Paragraph(a.owedBy().name(), text));
                agreements.addCell(new Paragraph(a.what(), text));
                agreements.addCell(new Paragraph(a.dueDate().toString(), text));
            }
            document.add(agreements);
            section(document, "Open questions", content.openQuestions(), heading, text);
            document.add(new Paragraph("SHA-256 of the canonical content: " + protocol.getContentSha256(), small));
            document.add(new Paragraph("Verified now: " + (verification.intact() ? "intact" : "NOT intact, recomputed "
                    + verification.recomputedSha256()), small));
            document.add(new Paragraph("Signatures", heading));
            for (ProtocolSignature s : signatures) {
                document.add(new Paragraph(s.getRole() + ": " + s.getUserId() + " at " + s.getSignedAt() + " from "
                        + s.getIpAddress() + (s.getUserAgent() == null ? "" : " (" + s.getUserAgent() + ")")
                        + ", signed SHA-256 " + s.getContentSha256() + (s.isValid() ? "" : ", VOID since " + s.getVoidedAt()), small));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF of protocol " + protocol.getNumber() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static void section(Document document, String name, List<String> lines, Font heading, Font text) {
        document.add(new Paragraph(name, heading));
        if (lines.isEmpty()) {
            document.add(new Paragraph("—", text));
        }
        lines.forEach(line -> document.add(new Paragraph("• " + line, text)));
    }
}
