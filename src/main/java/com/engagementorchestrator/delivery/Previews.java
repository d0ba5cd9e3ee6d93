package com.engagementorchestrator.delivery;

import com.engagementorchestrator.common.StoredFile;
import com.engagementorchestrator.common.UploadedFiles;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
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
import org.springframework.stereotype.Component;

/**
 * Previews of work results until the client has paid in full (seed 002, "client does not pay"): images downscaled and
 * watermarked, PDFs watermarked on every page, anything else withheld.
 */
@Component
public class Previews {

    public static final String WATERMARK = "PREVIEW · released after full payment";
    static final int MAX_IMAGE_SIDE = 800;

    public enum Kind { IMAGE, PDF, WITHHELD }

    /** A preview, or none when the file type cannot be previewed safely. */
    public record Preview(Kind kind, StoredFile file) {
    }

    public Preview of(StoredFile original) {
        String type = original.getContentType();
        if (type.equals("application/pdf")) {
            byte[] watermarked = watermarkPdf(original.getContent());
            // A PDF the library cannot read gets no preview: withheld like any other file until payment.
            return watermarked == null ? new Preview(Kind.WITHHELD, null)
                    : new Preview(Kind.PDF, stored("preview-" + original.getFileName(), "application/pdf", watermarked));
        }
        if (type.equals("image/png") || type.equals("image/jpeg") || type.equals("image/gif")) {
            byte[] png = downscaledImage(original.getContent());
            if (png != null) {
                return new Preview(Kind.IMAGE, stored("preview-" + baseName(original.getFileName()) + ".png", "image/png", png));
            }
        }
        return new Preview(Kind.WITHHELD, null);
    }

    private static byte[] downscaledImage(byte[] content) {
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
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
            g.setColor(Color.RED);
            int size = Math.max(12, width / 18);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            // The watermark repeats diagonally across the whole image, so no corner can be cropped free of it.
            AffineTransform straight = g.getTransform();
            g.rotate(-Math.PI / 6, width / 2.0, height / 2.0);
            for (int y = -height; y < height * 2; y += size * 4) {
                g.drawString(WATERMARK, -width / 2, y);
                g.drawString(WATERMARK, width / 2, y + size * 2);
            }
            g.setTransform(straight);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(preview, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] watermarkPdf(byte[] content) {
        try {
            PdfReader reader = new PdfReader(content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out);
            BaseFont font = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            PdfGState translucent = new PdfGState();
            translucent.setFillOpacity(0.35f);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                var box = reader.getPageSizeWithRotation(page);
                PdfContentByte over = stamper.getOverContent(page);
                over.saveState();
                over.setGState(translucent);
                over.beginText();
                over.setFontAndSize(font, Math.max(18, box.getWidth() / 16));
                over.setColorFill(Color.RED);
                over.showTextAligned(Element.ALIGN_CENTER, "PREVIEW - released after full payment",
                        box.getWidth() / 2, box.getHeight() / 2, 45);
                over.endText();
                over.restoreState();
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static StoredFile stored(String name, String type, byte[] content) {
        return new StoredFile(new UploadedFiles.Checked(name, type, content, UploadedFiles.sha256(content)));
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
