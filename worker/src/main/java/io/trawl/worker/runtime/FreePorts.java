package io.trawl.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on the loopback interface, for servers that must be told their port up front. */
final class FreePorts {
  private FreePorts() {}

  /** One free port. */
  static int allocate() {
    return allocate(1)[0];
  }

  /**
   * {@code count} distinct free ports.
   *
   * <p>All sockets stay open until every port is chosen, so the OS cannot hand out one twice. A
   * port is free only until someone else binds it; callers start their server right away.
   */
  static int[] allocate(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on the loopback interface", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a listening socket that never accepted anything cannot lose data.
        }
      }
    }
  }

  /** True when nothing listens on {@code host:port} (we can bind it ourselves). */
  static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
