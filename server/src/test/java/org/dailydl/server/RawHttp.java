package org.dailydl.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client over a plain socket: the request target is written byte for
 * byte as given, so tests can send what well-behaved clients (okhttp, java.net.http) refuse to send
 * (raw spaces, control bytes, invalid UTF-8, unbalanced percent escapes). One connection per request
 * ({@code Connection: close}), body read to EOF, chunked bodies decoded. Not thread-safe per call;
 * instances hold no state.
 */
public final class RawHttp {
  /** A parsed response; {@code status} is -1 when the server sent nothing parseable before the timeout. */
  public record Response(int status, Map<String, String> headers, String body, long millis) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final int port;
  private final int timeoutMillis;

  public RawHttp(int port, int timeoutMillis) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** Sends {@code METHOD target HTTP/1.1} with the target's bytes as ISO-8859-1 (one byte per char). */
  public Response send(String method, String target) throws IOException {
    return send(method, target, null);
  }

  public Response send(String method, String target, String body) throws IOException {
    return send(method, target, body, Map.of());
  }

  /** Sends with these extra request headers (names and values as written). */
  public Response send(String method, String target, String body, Map<String, String> headers) throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write((method + " ").getBytes(StandardCharsets.ISO_8859_1));
    request.write(target.getBytes(StandardCharsets.ISO_8859_1));
    StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
        + "Accept: */*\r\nUser-Agent: dailydl-hardening\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
    }
    head.append("\r\n");
    request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    request.write(payload);

    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      byte[] raw;
      try {
        raw = readAll(socket.getInputStream());
      } catch (SocketTimeoutException e) {
        return new Response(-1, Map.of(), "(no complete response within " + timeoutMillis + " ms)", millisSince(start));
      }
      return parse(raw, millisSince(start));
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // a server that answers and then resets the connection (e.g. after rejecting a request
      // before reading its body) still sent a response: keep what arrived
      if (all.size() == 0) {
        throw reset;
      }
    }
    return all.toByteArray();
  }

  public static Response parse(byte[] raw, long millis) {
    int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (headEnd < 0) {
      return new Response(-1, Map.of(), new String(raw, StandardCharsets.ISO_8859_1), millis);
    }
    String[] lines = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (RuntimeException e) {
      return new Response(-1, Map.of(), lines[0], millis);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
    }
    byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8), millis);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < body.length) {
      int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(body, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
      int semicolon = sizeText.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).strip(), 16);
      if (size == 0) {
        break;
      }
      int start = lineEnd + 2;
      out.write(body, start, Math.min(size, body.length - start));
      pos = start + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    return indexOf(haystack, needle, 0);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
