package vn.lhpn.kehoach.summary.render;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.InputLimits;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;

/**
 * Producing a PDF or Word file, within a bound (#29). Before: a document larger than {@link
 * #MAX_CHARS} characters or {@link #MAX_LINES} lines is refused (422) without being laid out; what
 * the API lets a unit save always fits (a paragraph is at most 10,000 characters and 100 lines), so
 * only text saved before those limits can reach it. During: a few renders at a time on their own
 * workers (the memory they take is that many documents of bounded size), a short queue (more: 503,
 * try again), and a time limit after which the render is given up (503) instead of holding a worker
 * for minutes.
 */
@ApplicationScoped
public class Renders {
  private static final Logger LOG = Logger.getLogger(Renders.class);

  /** The most characters of text a rendered document may hold. */
  public static final int MAX_CHARS = 400_000;

  /** The most lines (of paragraphs, rows of the table and recipients) it may hold. */
  public static final int MAX_LINES = 6_000;

  private final ThreadPoolExecutor pool;
  private final Duration timeout;

  Renders(
      @ConfigProperty(name = "kehoach.render.workers", defaultValue = "2") int workers,
      @ConfigProperty(name = "kehoach.render.queue", defaultValue = "8") int queue,
      @ConfigProperty(name = "kehoach.render.timeout", defaultValue = "60s") Duration timeout) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "render-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.timeout = timeout;
  }

  void stop(@Observes ShutdownEvent event) {
    pool.shutdownNow();
  }

  /** The document rendered by {@code renderer}, within the bounds above. */
  public byte[] render(SummaryDtos.Document d, Function<SummaryDtos.Document, byte[]> renderer) {
    requireRenderable(d);
    Future<byte[]> job;
    try {
      job = pool.submit(() -> renderer.apply(d));
    } catch (RejectedExecutionException e) {
      throw new ApiException(ProblemType.SERVICE_UNAVAILABLE, Message.of("render.busy"));
    }
    try {
      return job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      job.cancel(true);
      LOG.warnf("render of %s %s given up after %s", d.unit().code(), d.period(), timeout);
      throw new ApiException(
          ProblemType.SERVICE_UNAVAILABLE,
          Message.of("render.timeout", "seconds", timeout.toSeconds()));
    } catch (InterruptedException e) {
      job.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Refuses a document over the bound before anything is laid out (422). */
  public static void requireRenderable(SummaryDtos.Document d) {
    long chars = 0;
    long lines = 0;
    for (SummaryDtos.Block b : d.blocks()) {
      if (b.text() != null) {
        chars += b.text().length();
        lines += InputLimits.lines(b.text());
      }
    }
    for (SummaryDtos.Row r : d.table()) {
      chars += r.label() == null ? 0 : r.label().length();
      lines++;
    }
    if (d.recipients() != null) {
      chars += d.recipients().length();
      lines += InputLimits.lines(d.recipients());
    }
    if (chars > MAX_CHARS || lines > MAX_LINES) {
      throw new ApiException(
          ProblemType.UNPROCESSABLE,
          Message.of(
              "render.too-long",
              "chars",
              chars,
              "lines",
              lines,
              "maxChars",
              MAX_CHARS,
              "maxLines",
              MAX_LINES));
    }
  }
}
