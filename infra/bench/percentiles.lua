-- wrk reports p50/p75/p90/p99 only; the benchmark wants p95 too, on one line.
done = function(summary, latency, requests)
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50=%.2fms p95=%.2fms p99=%.2fms errors=%d (non-2xx %d)\n",
    summary.requests,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
