package io.trawl.sandbox.yahoo;

/** The page Yahoo serves during an outage, where an API client expects JSON. */
final class OutagePage {
  static final String HTML =
      """
      <!DOCTYPE html>
      <html lang="en-us"><head>
      <meta http-equiv="content-type" content="text/html; charset=UTF-8">
      <meta charset="utf-8">
      <title>Yahoo</title>
      <meta name="viewport" content="width=device-width,initial-scale=1,minimal-ui">
      <style>html { height: 100%; } body { background: #fafafc; font-family: sans-serif; }</style>
      </head>
      <body>
      <div id="wrapper">
        <img src="https://s.yimg.com/rz/p/yahoo_frontpage_en-US_s_f_p_205x58_frontpage.png"
             alt="Yahoo Logo">
        <h1 style="margin-top:20px;">Will be right back...</h1>
        <p id="message-1">Thank you for your patience.</p>
        <p id="message-2">Our engineers are working quickly to resolve the issue.</p>
      </div>
      </body></html>
      """;

  private OutagePage() {}
}
