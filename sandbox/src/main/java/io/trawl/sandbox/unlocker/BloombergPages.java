package io.trawl.sandbox.unlocker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.Replies;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Bloomberg quote pages as a browser receives them: a large Next.js document whose quote lives only
 * in {@code <script id="__NEXT_DATA__">} at {@code props.pageProps.quote}; the rendered HTML, meta
 * tags and JSON-LD carry no price.
 */
final class BloombergPages {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String BUILD_ID = "Zp3kq4VbT1u9hXw2aYc0d";

  private BloombergPages() {}

  /**
   * The quote page of {@code instrument} at {@code now}, padded with news to about {@code bytes}.
   */
  static String quotePage(Instrument instrument, Instant now, int bytes) {
    ObjectNode pageProps = NODES.objectNode();
    // The ticker bar comes first, so a parser that grabs the first "price" gets the wrong one.
    pageProps.set("tickerbar", QuoteJson.tickerbar(now));
    pageProps.set("quote", QuoteJson.quote(instrument, now));
    pageProps.put("pageType", "quote").put("securityType", instrument.type());
    ArrayNode stories = pageProps.putArray("stories");
    String head = head(instrument.bloomberg() + " Stock Quote - " + instrument.name(), instrument);
    String body = body(instrument.name(), instrument.bloomberg());
    long size = head.length() + body.length() + 12_000L;
    for (int index = 0; size < bytes; index++) {
      ObjectNode story = story(instrument, index);
      stories.add(story);
      size += story.toString().length() + 1;
    }
    String nextData = nextData(pageProps, "/quote/[...ticker]", instrument.bloomberg());
    return document(head, body, nextData);
  }

  /** Bloomberg's answer for a ticker it does not know: Next.js's error page, status 404. */
  static String notFoundPage(String ticker) {
    ObjectNode pageProps = NODES.objectNode().put("statusCode", 404);
    String head =
        "<title>Page Not Found - Bloomberg</title>\n<meta name=\"robots\" content=\"noindex\">\n";
    String body =
        "<main><h1>Sorry, the page you were looking for is not available.</h1>"
            + "<p>Search for a ticker or visit the homepage.</p></main>\n";
    return document(head, body, nextData(pageProps, "/_error", ticker));
  }

  /** A 200 page of Bloomberg's that is not a quote page: its generic "something went wrong". */
  static String errorPage() {
    return "<!DOCTYPE html><html lang=\"en\"><head><title>Bloomberg</title></head><body>"
        + "<main><h1>Something went wrong</h1><p>We're working on it. Please try again later."
        + "</p></main></body></html>";
  }

  private static String document(String head, String body, String nextData) {
    return "<!DOCTYPE html><html lang=\"en\"><head>"
        + head
        + "</head><body><div id=\"__next\">"
        + body
        + "</div><script id=\"__NEXT_DATA__\" type=\"application/json\">"
        + nextData
        + "</script>"
        + scripts()
        + "</body></html>";
  }

  private static String nextData(ObjectNode pageProps, String page, String ticker) {
    ObjectNode root = NODES.objectNode();
    root.putObject("props").put("__N_SSP", true).set("pageProps", pageProps);
    root.put("page", page);
    root.putObject("query").putArray("ticker").add(ticker);
    root.put("buildId", BUILD_ID).put("isFallback", false).put("gssp", true);
    root.putArray("scriptLoader");
    try {
      // Next.js escapes '<' so a value can never close the script element early.
      return Replies.JSON.writeValueAsString(root).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String head(String title, Instrument instrument) {
    StringBuilder head = new StringBuilder();
    head.append("<meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(title)
        .append(" - Bloomberg</title>")
        .append("<meta property=\"og:title\" content=\"")
        .append(title)
        .append("\">")
        .append("<meta name=\"description\" content=\"Stock analysis for ")
        .append(instrument.name())
        .append(" including stock price, stock chart, company news, key statistics,")
        .append(" fundamentals and company profile.\">")
        .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",")
        .append("\"@type\":\"Corporation\",\"name\":\"")
        .append(instrument.name())
        .append("\",\"tickerSymbol\":\"")
        .append(instrument.bloomberg())
        .append("\"}</script>");
    for (int i = 0; i < 40; i++) {
      head.append("<link rel=\"preload\" href=\"/_next/static/css/")
          .append(Integer.toHexString(0x5f3a1 * (i + 7)))
          .append(".css\" as=\"style\">");
    }
    head.append("<style>");
    for (int i = 0; i < 300; i++) {
      head.append(".styles_module_")
          .append(Integer.toHexString(i * 7919))
          .append("{display:flex;margin:0 ")
          .append(i % 16)
          .append("px;font-family:BWHaasGrotesk,Helvetica,Arial,sans-serif}");
    }
    return head.append("</style>").toString();
  }

  private static String body(String name, String id) {
    StringBuilder body = new StringBuilder();
    body.append("<header><nav aria-label=\"Primary\"><a href=\"/\">Bloomberg</a>");
    for (String section : new String[] {"Markets", "Economics", "Industries", "Tech", "Politics"}) {
      body.append("<a href=\"/")
          .append(section.toLowerCase())
          .append("\">")
          .append(section)
          .append("</a>");
    }
    body.append("</nav></header><main><section class=\"quotePageSnapshot\">")
        .append("<h1 class=\"companyName\">")
        .append(name)
        .append("</h1><div class=\"ticker\">")
        .append(id)
        .append("</div><div class=\"priceText\" data-hydrate=\"price\"></div>")
        .append("<div class=\"changeAbsolute\" data-hydrate=\"change\"></div></section>")
        .append("<section class=\"chart\"><canvas width=\"640\" height=\"320\"></canvas></section>")
        .append("</main><footer><p>© 2026 Bloomberg L.P. All Rights Reserved.</p></footer>");
    return body.toString();
  }

  private static String scripts() {
    StringBuilder scripts = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      scripts
          .append("<script src=\"/_next/static/chunks/")
          .append(Integer.toHexString(0x1b2c3 * (i + 3)))
          .append(".js\" defer></script>");
    }
    return scripts.toString();
  }

  private static ObjectNode story(Instrument instrument, int index) {
    ObjectNode story = NODES.objectNode();
    story
        .put("id", "S" + Integer.toHexString(index * 104729 + 17).toUpperCase())
        .put(
            "headline",
            instrument.name() + " shares move as investors weigh outlook, part " + index)
        .put(
            "summary",
            "Investors weighed the latest results and guidance while analysts revised estimates;"
                + " trading volume was in line with the 30-day average. <b>Read more</b>.")
        .put("url", "https://www.bloomberg.com/news/articles/2026-01-06/story-" + index)
        .put("byline", "Bloomberg News")
        .put("publishedAt", "2026-01-06T" + String.format("%02d", index % 24) + ":15:00.000Z");
    story.putArray("tickers").add(instrument.bloomberg()).add("SPX:IND");
    return story;
  }
}
