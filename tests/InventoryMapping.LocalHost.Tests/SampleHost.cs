using System.Reflection;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using InventoryMapping.LocalHost.Hosting;
using InventoryMapping.LocalHost.SampleFunctions;
using InventoryMapping.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.LocalHost.Tests;

/// <summary>The sample function app running in a <see cref="LocalFunctionsHost"/> on a free port against the shared Azurite.</summary>
internal sealed class SampleHost : IAsyncDisposable
{
    private SampleHost(LocalFunctionsHost host, SampleSettings settings)
    {
        Host = host;
        Settings = settings;
        Log = host.Services.GetRequiredService<InvocationLog>();
        Http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public static string FunctionsDirectory =>
        typeof(SampleHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleFunctions.OutputDirectory").Value!;

    public LocalFunctionsHost Host { get; }

    public SampleSettings Settings { get; }

    public InvocationLog Log { get; }

    public HttpClient Http { get; }

    public QueueClient Queue => new(Settings.ConnectionString, Settings.QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public BlobContainerClient Container => new(Settings.ConnectionString, Settings.ContainerName);

    public static async Task<SampleHost> StartAsync(SampleSettings? settings = null, string? functionKey = null, TimeProvider? time = null)
    {
        settings ??= await SampleSettings.CreateAsync();
        var options = new LocalFunctionsHostOptions
        {
            FunctionsDirectory = FunctionsDirectory,
            Port = 0,
            FunctionKey = functionKey,
            QueuePollingInterval = TimeSpan.FromMilliseconds(100),
            BlobPollingInterval = TimeSpan.FromMilliseconds(100),
            HostId = settings.HostId,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToConfiguration()).Build();
        var host = LocalFunctionsHost.Create(options, configuration, (services, _) =>
        {
            services.AddSampleServices();
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });
        await host.StartAsync();
        return new SampleHost(host, settings);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
