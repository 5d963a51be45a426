package io.collectionsledger.ledger.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Fills a document's XHTML template (Thymeleaf) and lays it out as a PDF (openhtmltopdf on
 * PDFBox), with the one font embedded as a subset of the glyphs the document uses. The bytes
 * depend on nothing but the inputs: the PDF's dates are the time the figures were known at, and
 * its document id is derived from the document's identity, so rendering the same document again
 * gives the same bytes.
 */
@Component
class PdfRenderer {

    /** The layout engine and its version: part of every template's version, since another release may lay out differently. */
    static final String RENDERER = "openhtmltopdf-pdfbox 1.1.31";
    static final String FONT_FAMILY = "LXGW WenKai";

    private final TemplateEngine templates;
    private final byte[] font;

    PdfRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(DocumentTemplate.ROOT + "templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        this.templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
        templates.setMessageResolver(new BundleMessages());
        this.font = resource(DocumentTemplate.FONT);
    }

    /**
     * @param identity what makes this document this one (its kind, customer, letter id, dates): the PDF's id is derived from it
     */
    RenderedDocument render(DocumentTemplate template, DocumentLanguage language, Map<String, Object> model, String title, Instant knownAt,
                            String identity, String filename, List<String> missing) {
        Context context = new Context(language.locale());
        context.setVariables(model);
        context.setVariable("lang", language);
        context.setVariable("title", title);
        context.setVariable("templateVersion", template.version());
        String html = templates.process(template.templateName(), context);
        byte[] pdf = layOut(html, title, knownAt, template.version() + "\n" + language.tag() + "\n" + identity);
        return new RenderedDocument(pdf, sha256(pdf), template.version(), filename, missing);
    }

    private byte[] layOut(String html, String title, Instant knownAt, String identity) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withHtmlContent(html, null)
                .useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                .withProducer(RENDERER);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            try (PDDocument document = renderer.createPDFKeepOpen()) {
                Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
                when.setTimeInMillis(knownAt.toEpochMilli());
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle(title);
                info.setProducer(RENDERER);
                info.setCreator("collections-ledger");
                info.setCreationDate(when);
                info.setModificationDate(when);
                byte[] id = Arrays.copyOf(sha256Bytes(identity.getBytes(StandardCharsets.UTF_8)), 16);
                COSArray ids = new COSArray();
                ids.add(new COSString(id));
                ids.add(new COSString(id));
                document.getDocument().getTrailer().setItem(COSName.ID, ids);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }

    private static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing document resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One bundle of messages for every template, in the language of the template's context. */
    private static final class BundleMessages extends StandardMessageResolver {

        private final Map<Locale, Properties> bundles = Map.of(
                DocumentLanguage.EN.locale(), properties(DocumentTemplate.ROOT + "messages.properties"),
                DocumentLanguage.ZH_CN.locale(), properties(DocumentTemplate.ROOT + "messages_zh_CN.properties"));

        @Override
        protected Map<String, String> resolveMessagesForTemplate(String template, ITemplateResource resource, Locale locale) {
            Properties bundle = bundles.getOrDefault(locale, bundles.get(DocumentLanguage.EN.locale()));
            return bundle.stringPropertyNames().stream().collect(Collectors.toMap(key -> key, bundle::getProperty));
        }

        private static Properties properties(String name) {
            Properties properties = new Properties();
            try (var reader = new InputStreamReader(new ByteArrayInputStream(resource(name)), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        }
    }
}
