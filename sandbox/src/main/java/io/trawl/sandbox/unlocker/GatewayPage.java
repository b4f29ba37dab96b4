package io.trawl.sandbox.unlocker;

/** A gateway's error page: HTML where the client expected the target's page or a JSON error. */
final class GatewayPage {
  static final String HTML =
      """
      <!DOCTYPE html>
      <html><head><title>503 Service Temporarily Unavailable</title></head>
      <body><center><h1>503 Service Temporarily Unavailable</h1></center>
      <hr><center>nginx</center></body></html>
      """;

  private GatewayPage() {}
}
