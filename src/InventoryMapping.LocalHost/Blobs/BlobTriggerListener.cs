using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using InventoryMapping.LocalHost.Hosting;
using InventoryMapping.LocalHost.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.LocalHost.Blobs;

/// <summary>
/// Scans each blob-triggered function's container and delivers every new or changed blob (by ETag) once, recording
/// receipts like the Functions host. A blob whose run fails is retried on later scans; after
/// <c>poisonBlobThreshold</c> failures (host.json, default 5) it is reported on <c>webjobs-blobtrigger-poison</c>.
/// </summary>
internal sealed class BlobTriggerListener(
    FunctionCatalog catalog,
    IConfiguration configuration,
    HostJson hostJson,
    LocalFunctionsHostOptions options,
    IServiceScopeFactory scopes,
    ILogger<BlobTriggerListener> logger) : IHostedService, ITriggerListener, IDisposable
{
    public const string TriggerType = "blobTrigger";
    public const string PoisonQueueName = "webjobs-blobtrigger-poison";

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _scanners = [];
    private readonly Dictionary<string, BlobWatch> _watches = new(StringComparer.OrdinalIgnoreCase);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var function in catalog.WithTrigger(TriggerType))
        {
            var trigger = function.Metadata.Trigger!;
            var path = AppSettings.Resolve(configuration, trigger.GetString("path") ?? string.Empty, function.Name);
            var pattern = BlobPathPattern.Parse(path, function.Name);
            var connection = AppSettings.ConnectionString(configuration, trigger.GetString("connection"), function.Name);
            var service = new BlobServiceClient(connection);
            var container = service.GetBlobContainerClient(pattern.Container);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var hosts = service.GetBlobContainerClient(BlobReceipts.ContainerName);
            await hosts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var poison = new QueueClient(connection, PoisonQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            var watch = new BlobWatch(function, pattern, container, new BlobReceipts(hosts, options.HostId, function.Metadata.EntryPoint), poison);
            logger.LogInformation("{Function}: blobs '{Path}'", function.Name, path);
            _watches[function.Name] = watch;
            _scanners.Add(Task.Run(() => ScanLoopAsync(watch, _stopping.Token), CancellationToken.None));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_scanners).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    string ITriggerListener.TriggerType => TriggerType;

    public async Task InvokeNowAsync(FunctionInvoker function, string? input, CancellationToken cancellationToken)
    {
        try
        {
            var watch = _watches[function.Name];
            var prefix = watch.Container.Name + "/";
            var blobName = input is not null && input.StartsWith(prefix, StringComparison.Ordinal) ? input[prefix.Length..] : null;
            if (blobName is null || !watch.Pattern.TryMatch(blobName, out var values))
            {
                throw new ArgumentException($"'{input}' is not a blob path this function's trigger matches ('{prefix}...').", nameof(input));
            }

            await using var scope = scopes.CreateAsyncScope();
            await using var trigger = new BlobTriggerInput(watch.Container, blobName, values);
            await function.InvokeAsync(scope.ServiceProvider, trigger, cancellationToken);
            logger.LogInformation("{Function}: run on request done", function.Name);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{Function}: run on request failed", function.Name);
        }
    }

    private async Task ScanLoopAsync(BlobWatch watch, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(watch, stopping);
                await Task.Delay(options.BlobPollingInterval, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Function}: scanning container '{Container}' failed", watch.Function.Name, watch.Container.Name);
                await Task.Delay(options.BlobPollingInterval, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ScanAsync(BlobWatch watch, CancellationToken stopping)
    {
        await foreach (var item in watch.Container.GetBlobsAsync(cancellationToken: stopping))
        {
            if (!watch.Pattern.TryMatch(item.Name, out var values) || item.Properties.ETag is not { } etagValue)
            {
                continue;
            }

            var etag = etagValue.ToString();
            if (await watch.Receipts.ExistsAsync(watch.Container.Name, item.Name, etag, stopping))
            {
                continue;
            }

            await DeliverAsync(watch, item.Name, etag, values, stopping);
        }
    }

    private async Task DeliverAsync(BlobWatch watch, string blobName, string etag, IReadOnlyDictionary<string, string> values, CancellationToken stopping)
    {
        var function = watch.Function;
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            await using (var input = new BlobTriggerInput(watch.Container, blobName, values))
            {
                await function.InvokeAsync(scope.ServiceProvider, input, stopping);
            }

            await watch.Receipts.WriteAsync(watch.Container.Name, blobName, etag, "done", stopping);
            watch.Failures.Remove((blobName, etag));
            logger.LogInformation("{Function}: blob '{Blob}' done", function.Name, blobName);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            var failures = watch.Failures[(blobName, etag)] = watch.Failures.GetValueOrDefault((blobName, etag)) + 1;
            logger.LogError(exception, "{Function}: blob '{Blob}' failed (attempt {Attempt} of {Max})",
                function.Name, blobName, failures, hostJson.PoisonBlobThreshold);
            if (failures >= hostJson.PoisonBlobThreshold)
            {
                await watch.PoisonQueue.CreateIfNotExistsAsync(cancellationToken: stopping);
                await watch.PoisonQueue.SendMessageAsync(JsonSerializer.Serialize(new
                {
                    FunctionId = function.Metadata.EntryPoint,
                    BlobType = "BlockBlob",
                    ContainerName = watch.Container.Name,
                    BlobName = blobName,
                    ETag = etag,
                }), stopping);
                await watch.Receipts.WriteAsync(watch.Container.Name, blobName, etag, "poison", stopping);
                watch.Failures.Remove((blobName, etag));
                logger.LogWarning("{Function}: blob '{Blob}' reported on '{Poison}'", function.Name, blobName, PoisonQueueName);
            }
        }
    }

    private sealed record BlobWatch(
        FunctionInvoker Function, BlobPathPattern Pattern, BlobContainerClient Container, BlobReceipts Receipts, QueueClient PoisonQueue)
    {
        public Dictionary<(string Blob, string ETag), int> Failures { get; } = [];
    }
}
