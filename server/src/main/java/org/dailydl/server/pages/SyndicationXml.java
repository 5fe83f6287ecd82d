package org.dailydl.server.pages;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.dailydl.indexer.config.Site;

/**
 * The sitemap (sitemaps.org 0.9) and the Atom feed (RFC 4287), written with the JDK's
 * {@link XMLStreamWriter}, which escapes every text and attribute: titles and summaries are the
 * authors' text, and nothing of it is pasted into markup by hand. XML 1.0 cannot carry most control
 * characters even escaped, so they are dropped from text first.
 */
final class SyndicationXml {
  static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private SyndicationXml() {}

  /** The sitemap of the home page and every article under {@code base}. */
  static String sitemap(String base, List<ArticleMeta> articles) {
    return write(xml -> {
      xml.writeStartElement("urlset");
      xml.writeDefaultNamespace(SITEMAP_NS);
      xml.writeStartElement("url");
      element(xml, "loc", base + "/");
      xml.writeEndElement();
      for (ArticleMeta a : articles) {
        xml.writeStartElement("url");
        element(xml, "loc", base + a.path());
        if (a.modified() >= 0) {
          element(xml, "lastmod", Instant.ofEpochMilli(a.modified()).toString());
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
    });
  }

  /** The Atom feed of {@code recent} (newest first, each with a known modification time). */
  static String feed(String base, Site site, List<ArticleMeta> recent, Instant updated) {
    return write(xml -> {
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM_NS);
      xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", site.language());
      element(xml, "id", base + "/");
      element(xml, "title", site.title());
      String subtitle = site.description() != null ? site.description() : site.tagline();
      if (subtitle != null) {
        element(xml, "subtitle", subtitle);
      }
      element(xml, "updated", updated.toString());
      link(xml, "self", "application/atom+xml", base + "/feed.xml");
      link(xml, "alternate", "text/html", base + "/");
      xml.writeStartElement("author");
      element(xml, "name", site.title());
      xml.writeEndElement();
      for (ArticleMeta a : recent) {
        entry(xml, base, a);
      }
      xml.writeEndElement();
    });
  }

  private static void entry(XMLStreamWriter xml, String base, ArticleMeta a) throws XMLStreamException {
    xml.writeStartElement("entry");
    element(xml, "id", base + a.path());
    element(xml, "title", a.title());
    link(xml, "alternate", "text/html", base + a.path());
    element(xml, "updated", Instant.ofEpochMilli(a.modified()).toString());
    String published = published(a.date());
    if (published != null) {
      element(xml, "published", published);
    }
    if (a.description() != null && !a.description().isEmpty()) {
      element(xml, "summary", a.description());
    }
    xml.writeEndElement();
  }

  /** A front-matter date as an RFC 3339 time (a bare date is midnight UTC), or null when it is no date. */
  static String published(String date) {
    if (date == null || date.isBlank()) {
      return null;
    }
    String text = date.strip();
    try {
      return OffsetDateTime.parse(text).toInstant().toString();
    } catch (DateTimeParseException notATime) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlText(text));
    xml.writeEndElement();
  }

  /** {@code text} without the characters XML 1.0 cannot hold (controls but tab and line ends, lone surrogates, U+FFFE/F). */
  static String xmlText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(SyndicationXml::allowed).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string failed", e);
    }
    return out.toString();
  }
}
