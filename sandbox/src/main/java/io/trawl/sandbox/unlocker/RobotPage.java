package io.trawl.sandbox.unlocker;

import java.util.UUID;

/** Bloomberg's PerimeterX (HUMAN) block page, served in place of a quote page. */
final class RobotPage {
  private RobotPage() {}

  static String html(UUID blockReference) {
    return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Bloomberg - Are you a robot?</title>
    <meta name="robots" content="noindex, nofollow">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="stylesheet" href="https://assets.bwbx.io/font-service/css/BWHaasGrotesk-55Roman-Web/font.css">
    <script>window._pxAppId = 'PX8FCGYgk4';window._pxJsClientSrc = '/8FCGYgk4/init.js';</script>
    </head>
    <body>
    <section class="main">
      <h1 class="logo">Bloomberg</h1>
      <h2>We've detected unusual activity from your computer network</h2>
      <p>To continue, please click the box below to let us know you're not a robot.</p>
      <div id="px-captcha"></div>
      <p>Why did this happen?</p>
      <p>Please make sure your browser supports JavaScript and cookies and that you are not
      blocking them from loading. For more information you can review our
      <a href="/notices/tos">Terms of Service</a> and <a href="/notices/tos">Cookie Policy</a>.</p>
      <p class="reference">Need Help?</p>
      <p>For inquiries related to this message please <a href="/feedback">contact our support
      team</a> and provide the reference ID below.</p>
      <p>Block reference ID: %s</p>
    </section>
    <script src="/8FCGYgk4/init.js"></script>
    <script src="/8FCGYgk4/captcha/captcha.js?a=c&amp;u=%s&amp;v=&amp;m=0"></script>
    </body>
    </html>
    """
        .formatted(blockReference, blockReference);
  }
}
