namespace InventoryMapping.AmazonSandbox;

/// <summary>A running sandbox: where it listens and the handle to steer it. Dispose to stop it.</summary>
public sealed class SandboxHost(WebApplication app, Uri baseUri, SandboxControl control) : IAsyncDisposable
{
    /// <summary>The SP-API base, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; } = baseUri;

    /// <summary>The LWA token endpoint.</summary>
    public Uri TokenUri { get; } = new(baseUri, "auth/o2/token");

    public SandboxControl Control { get; } = control;

    /// <summary>Empties the seller's rate-limit buckets, as an account that has just used its allowance.</summary>
    public void DrainRateLimits(string sellerId) =>
        SandboxRateLimitFilter.Drain(Control, app.Services.GetRequiredService<SandboxRateLimitFilter.Buckets>(), sellerId);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
