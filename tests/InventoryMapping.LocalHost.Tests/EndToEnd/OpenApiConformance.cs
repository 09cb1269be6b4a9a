using System.Collections.Concurrent;
using InventoryMapping.Testing;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>
/// Checks every answer the app gives a test over HTTP against docs/openapi.json: a status the operation does not
/// describe, a body its schema refuses or a described header missing fails the call (and so the test) with what is
/// wrong. Requests the document does not describe (the admin endpoint, unknown routes) pass unchecked.
/// </summary>
internal sealed class OpenApiConformance() : DelegatingHandler(new HttpClientHandler())
{
    /// <summary>Each checked answer as "METHOD path → status", for tests that want to see what was covered.</summary>
    public ConcurrentQueue<string> Checked { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = OpenApiContract.Repository.Check(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            body,
            header => response.Headers.TryGetValues(header, out _) || response.Content.Headers.TryGetValues(header, out _));
        if (problems is null)
        {
            return response;
        }

        Checked.Enqueue($"{request.Method.Method} {request.RequestUri.AbsolutePath} → {(int)response.StatusCode}");
        if (problems.Count > 0)
        {
            throw new OpenApiViolationException(string.Join(Environment.NewLine, problems));
        }

        return response;
    }
}

/// <summary>An answer that docs/openapi.json does not allow.</summary>
internal sealed class OpenApiViolationException(string message) : Exception("The answer breaks docs/openapi.json:" + Environment.NewLine + message);
