package com.engagementorchestrator.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams a model's XML to a visitor with the position and the nearest element id of every element, attribute and
 * text. SAX instead of the engine's parser: the check must see every attribute and text, whatever the engine does
 * with it. No DOCTYPE (no external entities).
 */
final class ModelXml {

    interface Visitor {
        void element(Place place, String uri, String name, Attributes attributes);

        void text(Place place, String uri, String name, String text);
    }

    record Place(String elementId, int line, int column, Deque<String> path) {
        String parent() {
            var names = path.iterator();
            names.next();
            return names.hasNext() ? names.next() : "";
        }
    }

    private ModelXml() {
    }

    static void walk(byte[] xml, Visitor visitor) throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser parser = factory.newSAXParser();
            parser.parse(new ByteArrayInputStream(xml), new Handler(visitor));
        } catch (SAXException e) {
            throw e;
        } catch (Exception e) {
            throw new SAXException(e.getMessage(), e);
        }
    }

    private static final class Handler extends DefaultHandler {
        private final Visitor visitor;
        private final Deque<String> ids = new ArrayDeque<>();
        private final Deque<String> names = new ArrayDeque<>();
        private final Deque<StringBuilder> texts = new ArrayDeque<>();
        private final Deque<int[]> positions = new ArrayDeque<>();
        private Locator locator;

        Handler(Visitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String id = attributes.getValue("id");
            ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
            names.push(localName);
            texts.push(new StringBuilder());
            int[] position = {locator == null ? 0 : locator.getLineNumber(), locator == null ? 0 : locator.getColumnNumber()};
            positions.push(position);
            visitor.element(place(position), uri, localName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!texts.isEmpty()) {
                texts.peek().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String text = texts.pop().toString();
            int[] position = positions.peek();
            if (!text.isBlank()) {
                visitor.text(place(position), uri, localName, text.strip());
            }
            positions.pop();
            names.pop();
            ids.pop();
        }

        private Place place(int[] position) {
            String id = ids.peek();
            return new Place(id == null || id.isEmpty() ? null : id, position[0], position[1], new ArrayDeque<>(names));
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
