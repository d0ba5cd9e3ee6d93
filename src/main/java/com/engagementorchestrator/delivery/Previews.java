package com.engagementorchestrator.delivery;

import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.UploadedFiles;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Previews of work results until the client has paid in full (seed 002, "client does not pay"): images downscaled and
 * watermarked, PDFs as watermarked low-resolution page images (at most the first {@value #MAX_PDF_PAGES} pages),
 * anything else withheld.
 */
@Component
public class Previews {

    public static final String WATERMARK = "PREVIEW · released after full payment";
    /** The watermark in the client's language: the preview is theirs to read (English for any other language). */
    static final java.util.Map<String, String> WATERMARKS = java.util.Map.of("en", WATERMARK,
            "ru", "ПРЕВЬЮ · полная версия после оплаты");
    static final int MAX_IMAGE_SIDE = 800;
    /** PDF pages are shown at screen resolution: readable enough to judge, too coarse to reuse. */
    static final float PREVIEW_DPI = 72;
    static final int MAX_PDF_PAGES = 10;

    public enum Kind { IMAGE, PDF, WITHHELD }

    /** A preview, or none when the file type cannot be previewed safely. */
    public record Preview(Kind kind, StoredFile file) {
    }

    public Preview of(StoredFile original) {
        return of(original, "en");
    }

    /** A preview watermarked in the client's language ({@code locale}). */
    public Preview of(StoredFile original, String locale) {
        String mark = WATERMARKS.getOrDefault(locale, WATERMARK);
        String type = original.getContentType();
        if (type.equals("application/pdf")) {
            byte[] watermarked = pdfPreview(original.getContent(), mark);
            // A PDF the library cannot read gets no preview: withheld like any other file until payment.
            return watermarked == null ? new Preview(Kind.WITHHELD, null)
                    : new Preview(Kind.PDF, stored("preview-" + original.getFileName(), "application/pdf", watermarked));
        }
        if (type.equals("image/png") || type.equals("image/jpeg") || type.equals("image/gif")) {
            byte[] png = downscaledImage(original.getContent(), mark);
            if (png != null) {
                return new Preview(Kind.IMAGE, stored("preview-" + baseName(original.getFileName()) + ".png", "image/png", png));
            }
        }
        return new Preview(Kind.WITHHELD, null);
    }

    private static byte[] downscaledImage(byte[] content, String mark) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(content));
            if (source == null) {
                return null;
            }
            double scale = Math.min(1.0, (double) MAX_IMAGE_SIDE / Math.max(source.getWidth(), source.getHeight()));
            int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
            BufferedImage preview = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = preview.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawImage(source, 0, 0, width, height, Color.WHITE, null);
            watermark(g, width, height, mark);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(preview, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A PDF preview holds nothing of the original but low-resolution pictures of its first pages: each page is rendered
     * to an image, watermarked, and a new PDF is built from the images alone. No text to extract, no vectors, no
     * overlay to remove. A PDF that cannot be read, or is encrypted, gets none (withheld).
     */
    private static byte[] pdfPreview(byte[] content, String mark) {
        try (PDDocument original = Loader.loadPDF(content); PDDocument preview = new PDDocument()) {
            if (original.isEncrypted() || original.getNumberOfPages() == 0) {
                return null;
            }
            PDFRenderer renderer = new PDFRenderer(original);
            for (int index = 0; index < Math.min(MAX_PDF_PAGES, original.getNumberOfPages()); index++) {
                PDRectangle box = original.getPage(index).getCropBox();
                boolean turned = original.getPage(index).getRotation() % 180 != 0;
                float width = turned ? box.getHeight() : box.getWidth();
                float height = turned ? box.getWidth() : box.getHeight();
                // PREVIEW_DPI, but never more than MAX_IMAGE_SIDE pixels a side (a huge page would exhaust memory).
                float scale = Math.min(PREVIEW_DPI / 72f, MAX_IMAGE_SIDE / Math.max(1f, Math.max(width, height)));
                BufferedImage page = renderer.renderImage(index, scale, ImageType.RGB);
                Graphics2D g = page.createGraphics();
                watermark(g, page.getWidth(), page.getHeight(), mark);
                g.dispose();
                PDPage sheet = new PDPage(new PDRectangle(width, height));
                preview.addPage(sheet);
                try (PDPageContentStream stream = new PDPageContentStream(preview, sheet)) {
                    stream.drawImage(JPEGFactory.createFromImage(preview, page, 0.8f), 0, 0, width, height);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            preview.save(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: a PDF feature needing a library that is not on the class path (e.g. a crypto provider).
            return null;
        }
    }

    /** The watermark repeats diagonally across the whole image, so no corner can be cropped free of it. */
    private static void watermark(Graphics2D g, int width, int height, String mark) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        g.setColor(Color.RED);
        int size = Math.max(12, width / 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        AffineTransform straight = g.getTransform();
        g.rotate(-Math.PI / 6, width / 2.0, height / 2.0);
        for (int y = -height; y < height * 2; y += size * 4) {
            g.drawString(mark, -width / 2, y);
            g.drawString(mark, width / 2, y + size * 2);
        }
        g.setTransform(straight);
    }

    private static StoredFile stored(String name, String type, byte[] content) {
        return new StoredFile(new UploadedFiles.Checked(name, type, content, UploadedFiles.sha256(content)));
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
