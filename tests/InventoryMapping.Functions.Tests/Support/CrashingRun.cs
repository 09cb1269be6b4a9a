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
    public static Task<CrashingRun> StartAsync(
        TestServices original, int afterWrites, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var remaining = afterWrites;
        return StartAsync(
            original,
            request => Volatile.Read(ref remaining) <= 0
                || (request.Method != RequestMethod.Get && request.Method != RequestMethod.Head && Interlocked.Decrement(ref remaining) < 0),
            clock,
            settings);
    }

    /// <summary>A copy that dies just before its first request that <paramref name="diesAt"/> picks.</summary>
    public static async Task<CrashingRun> StartAsync(
        TestServices original, Func<Request, bool> diesAt, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var crash = new Crash(diesAt);
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

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed class Crash(Func<Request, bool> diesAt) : HttpPipelineSynchronousPolicy
    {
        private bool _armed;
        private bool _dead;

        public void Arm() => Volatile.Write(ref _armed, true);

        public override void OnSendingRequest(HttpMessage message)
        {
            if (Volatile.Read(ref _dead) || (Volatile.Read(ref _armed) && diesAt(message.Request)))
            {
                Volatile.Write(ref _dead, true);
                throw new IOException("Simulated crash: the process died here.");
            }
        }
    }
}
