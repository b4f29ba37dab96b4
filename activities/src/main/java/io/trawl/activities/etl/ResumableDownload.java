package io.trawl.activities.etl;

import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.DownloadCheckpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.LongConsumer;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at streaming a URL into a partial file while hashing it, resuming with {@code Range}
 * + {@code If-Range} from the bytes already in that file (re-hashed to rebuild the digest), or from
 * a heartbeated checkpoint when the file has no {@link PartRecord} beside it. Knows nothing of
 * Temporal: the activity turns {@link Progress} into heartbeats, the bench into nothing.
 */
public final class ResumableDownload {
  private static final Logger log = LoggerFactory.getLogger(ResumableDownload.class);

  /**
   * Told after every buffer written, on the writing thread, and once more at the end; the activity
   * heartbeats it (Temporal's heartbeat may be called from any thread).
   */
  @FunctionalInterface
  public interface Progress {
    void update(DownloadCheckpoint checkpoint);
  }

  /**
   * What an attempt produced.
   *
   * @param notModified the server answered 304; nothing was written
   * @param bytes the file's length
   * @param sha256 hex digest of the whole file
   * @param etag the entity's ETag, or null
   * @param lastModified its Last-Modified, or null
   * @param contentType its Content-Type, or null
   * @param declaredLength the entity length the server announced, or -1
   * @param resumedFrom the offset this attempt started from
   * @param restarts times it started over because the server would not resume
   */
  public record Result(
      boolean notModified,
      long bytes,
      String sha256,
      String etag,
      String lastModified,
      String contentType,
      long declaredLength,
      long resumedFrom,
      int restarts) {}

  /**
   * What to download and where.
   *
   * @param sourceId for messages
   * @param url the resolved http(s) URL
   * @param headers request headers, already resolved
   * @param part the partial file
   * @param maxBytes abort beyond this
   * @param ifNoneMatch a conditional GET's ETag, or null
   */
  public record Spec(
      String sourceId,
      HttpUrl url,
      Headers headers,
      Path part,
      long maxBytes,
      String ifNoneMatch) {}

  private final OkHttpClient client;

  public ResumableDownload(OkHttpClient client) {
    this.client = client;
  }

  /**
   * Runs one attempt. A partial file with its {@link PartRecord} resumes from its own length; else
   * a {@code checkpoint} for the same partial file resumes from the checkpoint's offset; otherwise
   * the file starts empty. A finished download leaves the partial file and no record.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code SizeLimitExceeded} (the partial file is
   *     deleted), {@code ProviderRejected}, {@code ProviderRateLimited}, {@code
   *     ProviderUnavailable} (also for a broken connection, after the bytes that did arrive were
   *     written and reported, so the retry resumes behind them)
   */
  public Result run(Spec spec, DownloadCheckpoint checkpoint, Progress progress)
      throws IOException {
    try {
      return attempt(spec, checkpoint, progress);
    } catch (SizeLimitException e) {
      Files.deleteIfExists(spec.part());
      PartRecord.delete(spec.part());
      throw Failures.sizeLimitExceeded(
          "etl source \""
              + spec.sourceId()
              + "\": "
              + e.getMessage()
              + " exceeds max_bytes "
              + spec.maxBytes()
              + "; partial file deleted");
    }
  }

  private Result attempt(Spec spec, DownloadCheckpoint checkpoint, Progress progress)
      throws IOException {
    try (FileChannel channel =
            FileChannel.open(
                spec.part(),
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = exclusive(channel, spec)) {
      Entity entity =
          Entity.resumeFrom(
              PartRecord.read(spec.part()).filter(record -> record.isFor(spec.url().toString())),
              checkpoint,
              spec.part(),
              channel.size());
      long resumedFrom = entity.offset();
      int restarts = 0;
      while (true) {
        channel.truncate(entity.offset());
        Request request = request(spec, entity);
        Redirects.Followed followed = Redirects.execute(client, request, spec.sourceId());
        try (Response response = followed.response()) {
          int status = response.code();
          if (status == 304 && spec.ifNoneMatch() != null && entity.offset() == 0) {
            PartRecord.delete(spec.part());
            return new Result(true, 0, null, spec.ifNoneMatch(), null, null, -1, 0, restarts);
          }
          if (status == 206 && entity.continuedBy(response)) {
            return stream(spec, channel, response, entity, resumedFrom, restarts, progress);
          }
          if (status == 200) {
            // No Range sent, Range ignored, or If-Range said the entity changed: a full body.
            restarts += entity.offset() > 0 ? 1 : 0;
            resumedFrom = 0;
            channel.truncate(0);
            return stream(spec, channel, response, Entity.fresh(), 0, restarts, progress);
          }
          if (status == 206 || status == 416) {
            // A range we did not ask for, or one past the end: ask again for the whole entity.
            restarts++;
            resumedFrom = 0;
            entity = Entity.fresh();
            continue;
          }
          throw HttpStatusFailures.of(
              response, "download of etl source \"" + spec.sourceId() + "\"");
        }
      }
    }
  }

  private Result stream(
      Spec spec,
      FileChannel channel,
      Response response,
      Entity requested,
      long resumedFrom,
      int restarts,
      Progress progress)
      throws IOException {
    long offset = requested.offset();
    long total = Entity.totalLength(response, offset);
    if (total > spec.maxBytes()) {
      throw new SizeLimitException("announced length " + total);
    }
    Entity served =
        new Entity(
            offset,
            response.header("ETag", requested.etag()),
            response.header("Last-Modified", requested.lastModified()));
    LongConsumer report =
        position ->
            progress.update(
                new DownloadCheckpoint(
                    spec.part().toString(), position, served.etag(), served.lastModified(), total));
    PartRecord record = recordEntity(spec, channel, served, total);
    LongConsumer synced = position -> rewrite(spec, record.synced(position));
    HashingFileWriter writer =
        new HashingFileWriter(
            channel, prefixDigest(channel, offset, report), offset, report, synced);
    Runnable tick = () -> report.accept(writer.position());
    try {
      String sha256 = copy(spec, response.body().source(), writer, tick, offset, total);
      channel.force(true);
      PartRecord.delete(spec.part());
      tick.run();
      return new Result(
          false,
          writer.position(),
          sha256,
          served.etag(),
          served.lastModified(),
          response.header("Content-Type"),
          total,
          resumedFrom,
          restarts);
    } finally {
      // A no-op after finish(); stops the threads when a heartbeat or the size limit threw.
      writer.abort();
    }
  }

  /**
   * Records, before the first byte of the body is written, which entity the partial file now holds.
   * The bytes already there are fsynced first: the record counts them as synced.
   */
  private static PartRecord recordEntity(Spec spec, FileChannel channel, Entity served, long total)
      throws IOException {
    channel.force(false);
    PartRecord record =
        new PartRecord(
            PartRecord.digestOf(spec.url().toString()),
            served.etag(),
            served.lastModified(),
            total,
            PartRecord.currentBootId(),
            served.offset());
    record.write(spec.part());
    return record;
  }

  /** Best effort: a record behind the file only costs a reboot's resume some bytes. */
  private static void rewrite(Spec spec, PartRecord record) {
    try {
      record.write(spec.part());
    } catch (IOException e) {
      log.debug("part record not updated source={} error={}", spec.sourceId(), e.getMessage());
    }
  }

  /** Reads the body into the writer's buffers; returns the whole file's SHA-256. */
  private static String copy(
      Spec spec,
      BufferedSource body,
      HashingFileWriter writer,
      Runnable tick,
      long offset,
      long total)
      throws IOException {
    long read = offset;
    try {
      while (true) {
        byte[] buffer = writer.buffer(tick);
        Fill fill = fill(body, buffer);
        if (fill.bytes() > 0) {
          read += fill.bytes();
          if (read > spec.maxBytes()) {
            throw new SizeLimitException("body past " + spec.maxBytes() + " bytes");
          }
          writer.submit(buffer, fill.bytes());
        }
        if (fill.broken() != null) {
          throw fill.broken();
        }
        if (fill.bytes() <= 0) {
          break;
        }
      }
    } catch (SizeLimitException e) {
      throw e;
    } catch (IOException e) {
      // Keep what arrived: written and reported, it is where the next attempt resumes.
      writer.finish();
      tick.run();
      throw Failures.unavailable(
          "download of etl source \""
              + spec.sourceId()
              + "\" broke after "
              + writer.position()
              + (total >= 0 ? " of " + total : "")
              + " bytes ("
              + e.getMessage()
              + "); the next attempt resumes there",
          null);
    }
    return writer.finish();
  }

  private static Request request(Spec spec, Entity entity) {
    Request.Builder builder = new Request.Builder().url(spec.url()).headers(spec.headers()).get();
    if (entity.offset() > 0) {
      builder.header("Range", "bytes=" + entity.offset() + "-");
      builder.header("If-Range", entity.etag() != null ? entity.etag() : entity.lastModified());
    } else if (spec.ifNoneMatch() != null) {
      builder.header("If-None-Match", spec.ifNoneMatch());
    }
    // The file is hashed as served; a transparently gunzipped body would not match the server's.
    builder.header("Accept-Encoding", "identity");
    return builder.build();
  }

  /**
   * What one {@link #fill} got: its bytes (-1 at the end of the body), and the failure that cut it
   * short, if any. Bytes read before a broken connection are still kept and written, so the next
   * attempt resumes after them rather than up to a buffer earlier.
   */
  private record Fill(int bytes, IOException broken) {}

  /** Fills {@code buffer} as far as the body allows. */
  private static Fill fill(BufferedSource body, byte[] buffer) {
    int filled = 0;
    try {
      while (filled < buffer.length) {
        int n = body.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
          return new Fill(filled == 0 ? -1 : filled, null);
        }
        filled += n;
      }
      return new Fill(filled, null);
    } catch (IOException e) {
      return new Fill(filled, e);
    }
  }

  /**
   * A digest fed with the first {@code length} bytes of the partial file; re-reading a large part
   * reports progress every 256 MiB so the activity keeps heartbeating.
   */
  private static MessageDigest prefixDigest(FileChannel channel, long length, LongConsumer report)
      throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    ByteBuffer buffer = ByteBuffer.allocate(HashingFileWriter.BUFFER_SIZE);
    long position = 0;
    while (position < length) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), length - position));
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new IOException("partial file ended at " + position + " of " + length + " bytes");
      }
      digest.update(buffer.array(), 0, n);
      position += n;
      if (position % (256L << 20) < n) {
        report.accept(length);
      }
    }
    return digest;
  }

  /** Two attempts must never write one partial file; the loser retries later. */
  private static FileLock exclusive(FileChannel channel, Spec spec) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw Failures.unavailable(
          "etl source \""
              + spec.sourceId()
              + "\": "
              + spec.part()
              + " is still being written by another attempt",
          null);
    }
    return lock;
  }

  /** The body grew past max_bytes; the message says how. */
  private static final class SizeLimitException extends IOException {
    SizeLimitException(String message) {
      super(message);
    }
  }
}
