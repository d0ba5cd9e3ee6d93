package com.engagementorchestrator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.UploadedFiles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF preview gives nothing of the work away: pictures of the pages only (no text, no vectors, no removable
 * overlay), watermarked, at most the first pages; encrypted or unreadable PDFs are withheld. The HTTP side of previews
 * is in {@link DeliveryTest}.
 */
class PreviewsTest {

    static final String SENTENCE = "Quarterly revenue grew by seventeen percent";

    final Previews previews = new Previews();

    @Test
    void aPdfPreviewIsWatermarkedPageImagesWithoutAnyOfTheOriginalsText() throws Exception {
        Previews.Preview preview = previews.of(pdfFile(pdf(3)));

        assertThat(preview.kind()).isEqualTo(Previews.Kind.PDF);
        try (PDDocument document = Loader.loadPDF(preview.file().getContent())) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(document);
            for (String word : SENTENCE.split(" ")) {
                assertThat(text).doesNotContainIgnoringCase(word);
            }
            assertThat(text).isBlank();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                assertThat(resources.getFontNames()).as("fonts").isEmpty();
                List<Object> xObjects = new ArrayList<>();
                for (COSName name : resources.getXObjectNames()) {
                    xObjects.add(resources.getXObject(name));
                }
                assertThat(xObjects).hasSize(1).allMatch(PDImageXObject.class::isInstance);
                PDImageXObject image = (PDImageXObject) xObjects.get(0);
                assertThat(image.getWidth()).as("low resolution").isLessThanOrEqualTo(Previews.MAX_IMAGE_SIDE);
            }
            for (int page = 0; page < 3; page++) {
                assertThat(redPixels(new PDFRenderer(document).renderImage(page))).as("watermark pixels").isGreaterThan(500);
            }
        }
    }

    @Test
    void onlyTheFirstPagesArePreviewed() throws Exception {
        Previews.Preview preview = previews.of(pdfFile(pdf(Previews.MAX_PDF_PAGES + 5)));
        try (PDDocument document = Loader.loadPDF(preview.file().getContent())) {
            assertThat(document.getNumberOfPages()).isEqualTo(Previews.MAX_PDF_PAGES);
        }
    }

    @Test
    void encryptedAndUnreadablePdfsAreWithheld() throws Exception {
        assertThat(previews.of(pdfFile(encryptedPdf("secret"))).kind()).isEqualTo(Previews.Kind.WITHHELD);
        assertThat(previews.of(pdfFile(encryptedPdf(""))).kind()).as("no user password").isEqualTo(Previews.Kind.WITHHELD);
        assertThat(previews.of(pdfFile("%PDF-1.4\nnot really a pdf".getBytes())).kind()).isEqualTo(Previews.Kind.WITHHELD);
    }

    /** A PDF encrypted with AES-256 (owner password "owner", the given user password). */
    static byte[] encryptedPdf(String userPassword) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(1))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] pdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int number = 1; number <= pages; number++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(72, 700);
                    content.showText(SENTENCE + " on page " + number);
                    content.endText();
                    content.addRect(72, 400, 300, 150);
                    content.stroke();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static StoredFile pdfFile(byte[] content) {
        return new StoredFile(new UploadedFiles.Checked("report.pdf", "application/pdf", content, UploadedFiles.sha256(content)));
    }

    private static int redPixels(BufferedImage image) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() > 60 && c.getRed() > c.getGreen() + 40) {
                    count++;
                }
            }
        }
        return count;
    }
}
