-- Prints wrk's latency percentiles (microseconds) in a line the benchmark parses: wrk's own
-- --latency table has no p95.
done = function(summary, latency, requests)
  io.write(string.format("LR_WRK p50=%d p95=%d p99=%d max=%d requests=%d errors=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
