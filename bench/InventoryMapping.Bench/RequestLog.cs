using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InventoryMapping.Bench;

/// <summary>
/// Counts the storage requests the app makes, by kind and table, with their total time: the figures that explain
/// a ratio (how many requests per listing, how many are single-entity).
/// </summary>
public sealed class RequestLog(string prefix) : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    public void Clear() => _tallies.Clear();

    public IReadOnlyList<(string Kind, long Count, double TotalMs)> Snapshot() =>
        _tallies.OrderByDescending(t => t.Value.Count).Select(t => (t.Key, t.Value.Count, t.Value.Ticks * 1000.0 / Stopwatch.Frequency)).ToList();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var start = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        Record(message, start);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var start = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline);
        Record(message, start);
    }

    private void Record(HttpMessage message, long start)
    {
        var status = message.HasResponse ? message.Response.Status : 0;
        var kind = Kind(message.Request) + (status is >= 400 and not 404 ? $" ({status})" : "");
        var tally = _tallies.GetOrAdd(kind, _ => new Tally());
        Interlocked.Increment(ref tally.Count);
        Interlocked.Add(ref tally.Ticks, Stopwatch.GetTimestamp() - start);
    }

    private string Kind(Request request)
    {
        var path = Uri.UnescapeDataString(request.Uri.Path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "";
        if (resource == "$batch")
        {
            return "table batch";
        }

        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var name = (paren < 0 ? resource : resource[..paren]).Replace(prefix, "", StringComparison.Ordinal);
        var keyed = paren >= 0 && resource.Length > paren + 2;
        var method = request.Method.ToString();
        var what = method switch
        {
            "GET" when keyed => "point read",
            "GET" => "query",
            "POST" when segments.Length > 2 => "queue/blob POST",
            "POST" => "insert",
            "PUT" or "MERGE" or "PATCH" => keyed ? "update/upsert" : "PUT",
            "DELETE" => "delete",
            _ => method,
        };
        return $"{what} {name}";
    }

    private sealed class Tally
    {
        public long Count;
        public long Ticks;
    }
}
