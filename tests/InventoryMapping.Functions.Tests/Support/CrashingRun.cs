using Azure.Core;
using Azure.Core.Pipeline;
using InventoryMapping.Jobs;
using InventoryMapping.Testing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Functions.Tests.Support;

/// <summary>
/// A second copy of the app on the same storage whose process "dies" after a number of storage writes: every
/// later request fails, as if the host were killed between two writes.
/// </summary>
public sealed class CrashingRun : IAsyncDisposable
{
    private readonly TestServices _app;

    private CrashingRun(TestServices app) => _app = app;

    public JobRunner Runner => _app.Get<JobRunner>();

    public TestServices App => _app;

    public T Get<T>()
        where T : notnull => _app.Get<T>();

    /// <param name="clock">The clock the crashing copy runs on; by default the original's.</param>
    /// <param name="settings">Settings of the crashing copy on top of the original's.</param>
    /// <param name="counted">
    /// Which writes count (by default every one, and the process dies right after the last of
    /// <paramref name="afterWrites"/>): when given, the process dies at the next counted write after
    /// <paramref name="afterWrites"/> of them, so that a kill lands at a step, not at a count that any other write
    /// (e.g. a progress checkpoint) shifts.
    /// </param>
    public static async Task<CrashingRun> StartAsync(
        TestServices original,
        int afterWrites,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Func<Request, bool>? counted = null)
    {
        var crash = new CrashAfterWrites(afterWrites, counted);
        var app = await TestServices.StartAsync(
            services => services
                .AddHttpApi()
                .AddSingleton(clock ?? original.Clock)
                .AddAzureClients(clients => clients.ConfigureDefaults(o => o.AddPolicy(crash, HttpPipelinePosition.PerCall))),
            original.Prefix,
            settings is null ? original.Settings : original.Settings.Concat(settings).ToDictionary(),
            original.Clock);
        crash.Arm();
        return new CrashingRun(app);
    }

    /// <summary>Writes whose body contains the text (in a batch: any of its operations).</summary>
    public static Func<Request, bool> WritesContaining(string text) => request =>
    {
        using var body = new MemoryStream();
        request.Content?.WriteTo(body, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains(text, StringComparison.Ordinal);
    };

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed class CrashAfterWrites(int writes, Func<Request, bool>? counted) : HttpPipelineSynchronousPolicy
    {
        private int _remaining = int.MaxValue;
        private volatile bool _dead;

        public void Arm() => _remaining = writes;

        public override void OnSendingRequest(HttpMessage message)
        {
            var isWrite = message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head;
            if (_dead || (counted is null && Volatile.Read(ref _remaining) <= 0))
            {
                throw new IOException("Simulated crash: the process died here.");
            }

            if (isWrite && (counted?.Invoke(message.Request) ?? true) && Interlocked.Decrement(ref _remaining) < 0)
            {
                _dead = true;
                throw new IOException("Simulated crash: the process died here.");
            }
        }
    }
}
