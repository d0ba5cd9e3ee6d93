package com.engagementorchestrator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.deposit.DepositService;
import com.engagementorchestrator.deposit.Invoice;
import com.engagementorchestrator.deposit.PaymentService;
import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Previews until the client has paid (seed 002): a downscaled, watermarked image, a PDF watermarked on every page,
 * other files withheld; the original reaches nobody on the client side before payment, and afterwards only that client.
 */
@IntegrationTest
class DeliveryTest {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired TestRestTemplate rest;
    @Autowired ApplicationContext context;
    @Autowired DepositService payments;
    @Autowired PaymentService provider;
    @Autowired ObjectMapper json;

    Journeys journeys;
    String number;
    long engagementId;

    @BeforeEach
    void anEngagementAtWork() {
        journeys = new Journeys(context);
        var instance = journeys.working(body -> { });
        number = instance.getBusinessKey();
        engagementId = journeys.engagement(instance).getId();
    }

    @Test
    void imagesAndPdfsArePreviewedOtherFilesWithheldAndOriginalsReleasedOnlyAfterFullPayment() throws Exception {
        byte[] image = image(2000, 1000);
        byte[] pdf = pdf(2);
        byte[] zip = zip();
        JsonNode imageResult = upload("Home page design", "home.png", image);
        JsonNode pdfResult = upload("Brand book", "brand-book.pdf", pdf);
        JsonNode zipResult = upload("Source files", "sources.zip", zip);
        assertThat(imageResult.path("previewKind").asText()).isEqualTo("IMAGE");
        assertThat(pdfResult.path("previewKind").asText()).isEqualTo("PDF");
        assertThat(zipResult.path("previewKind").asText()).isEqualTo("WITHHELD");

        // The image: downscaled to 800 px and watermarked (red pixels where the original is plain blue).
        BufferedImage preview = ImageIO.read(new ByteArrayInputStream(asClient(imageResult.path("preview").asText(), byte[].class).getBody()));
        assertThat(preview.getWidth()).isEqualTo(800);
        assertThat(preview.getHeight()).isEqualTo(400);
        assertThat(redPixels(preview)).as("watermark pixels").isGreaterThan(500);
        // The PDF: every page only a watermarked picture; nothing of the original's text is left to extract.
        try (PDDocument watermarked = Loader.loadPDF(asClient(pdfResult.path("preview").asText(), byte[].class).getBody())) {
            assertThat(watermarked.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(watermarked)).doesNotContain("Page").doesNotContain("brand").isBlank();
            for (int page = 0; page < 2; page++) {
                assertThat(redPixels(new PDFRenderer(watermarked).renderImage(page))).as("watermark pixels").isGreaterThan(500);
            }
        }
        // An encrypted PDF cannot be rendered: withheld like any other file the preview cannot read.
        assertThat(upload("Contract draft", "contract.pdf", PreviewsTest.encryptedPdf("secret")).path("previewKind").asText())
                .isEqualTo("WITHHELD");
        assertThat(asClient(zipResult.path("original").asText().replace("/original", "/preview"), String.class).getStatusCode().value())
                .isEqualTo(404);

        // Before payment nobody on the client side gets an original; a stranger does not even see the engagement.
        Journeys stranger = new Journeys(context);
        stranger.accepted(body -> { });
        for (JsonNode result : new JsonNode[] {imageResult, pdfResult, zipResult}) {
            var refused = asClient(result.path("original").asText(), String.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getBody()).contains("after the final invoice is paid");
            assertThat(rest.withBasicAuth(stranger.email, PASSWORD).getForEntity(result.path("original").asText(), String.class)
                    .getStatusCode().value()).isEqualTo(404);
        }
        assertThat(rest.withBasicAuth(stranger.email, PASSWORD).getForEntity(imageResult.path("preview").asText(), String.class)
                .getStatusCode().value()).isEqualTo(404);

        // The final invoice goes out once the client accepted every result; it is the budget less the deposit.
        var early = rest.withBasicAuth("freelancer", "freelancer").postForEntity("/api/engagements/" + number + "/work-delivered",
                null, String.class);
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getBody()).contains("has not accepted every result yet").contains("Source files");
        var tasks = context.getBean(org.camunda.bpm.engine.TaskService.class);
        tasks.createTaskQuery().taskDefinitionKey(DeliveryProcess.Elements.REVIEW_DELIVERY).taskAssignee(journeys.email).list()
                .forEach(t -> tasks.complete(t.getId(), java.util.Map.of("deliveryDecision", "ACCEPT")));
        var invoiceAnswer = rest.withBasicAuth("freelancer", "freelancer").postForEntity("/api/engagements/" + number + "/work-delivered",
                null, String.class);
        assertThat(invoiceAnswer.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(invoiceAnswer.getBody()).path("amount").decimalValue()).isEqualByComparingTo("175000");
        Invoice finalInvoice = payments.invoices(engagementId).stream().filter(i -> i.getKind() == Invoice.Kind.FINAL).findFirst().orElseThrow();
        assertThat(asClient(pdfResult.path("original").asText(), String.class).getStatusCode().value()).isEqualTo(403);
        pay(finalInvoice);

        assertThat(asClient(imageResult.path("original").asText(), byte[].class).getBody()).isEqualTo(image);
        assertThat(asClient(pdfResult.path("original").asText(), byte[].class).getBody()).isEqualTo(pdf);
        assertThat(asClient(zipResult.path("original").asText(), byte[].class).getBody()).isEqualTo(zip);
        assertThat(rest.withBasicAuth(stranger.email, PASSWORD).getForEntity(pdfResult.path("original").asText(), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(journeys.templatesSentFor(number)).contains("final.invoice", "engagement.completed");
        assertThat(journeys.engagement(number).getStatus().name()).isEqualTo("COMPLETED");
        assertThat(rest.withBasicAuth("freelancer", "freelancer").postForEntity("/api/engagements/" + number + "/work-delivered",
                null, String.class).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void onlyOurSideUploads() throws Exception {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("title", "Mine");
        body.add("file", named("x.png", image(10, 10)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(rest.withBasicAuth(journeys.email, PASSWORD).postForEntity("/api/engagements/" + number + "/deliveries",
                new HttpEntity<>(body, headers), String.class).getStatusCode().value()).isEqualTo(403);
    }

    private JsonNode upload(String title, String fileName, byte[] content) throws Exception {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("title", title);
        body.add("file", named(fileName, content));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> answer = rest.withBasicAuth("freelancer", "freelancer")
                .postForEntity("/api/engagements/" + number + "/deliveries", new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return json.readTree(answer.getBody());
    }

    private <T> ResponseEntity<T> asClient(String path, Class<T> type) {
        return rest.withBasicAuth(journeys.email, PASSWORD).getForEntity(path, type);
    }

    private void pay(Invoice invoice) {
        provider.record(new PaymentService.ProviderPayment("pay-" + invoice.getNumber(), invoice.getNumber(),
                invoice.getAmount(), invoice.getCurrency(), null), "{}");
    }

    private static ByteArrayResource named(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static byte[] image(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf(int pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        for (int page = 1; page <= pages; page++) {
            if (page > 1) {
                document.newPage();
            }
            document.add(new Paragraph("Page " + page + " of the brand book"));
        }
        document.close();
        return out.toByteArray();
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("layout.psd"));
            zip.write("layers".getBytes());
            zip.closeEntry();
        }
        return out.toByteArray();
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
