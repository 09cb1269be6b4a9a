using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using InventoryMapping.Storage;
using InventoryMapping.Testing;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Core.Tests.Storage;

/// <summary>
/// In Azure the Bicep template creates the app's tables, containers and queue (<see cref="AppStorage.EnsureCreatedAsync"/>
/// only runs locally and in tests), so the two lists must not drift apart.
/// </summary>
public sealed partial class InfraStorageTests
{
    private static readonly string StorageBicep = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "infra", "modules", "storage.bicep"));

    [Fact]
    public void Infra_provisions_exactly_the_tables_the_app_uses()
    {
        // Names only: no request is made, so the clients need no running storage.
        const string connection = "UseDevelopmentStorage=true";
        var storage = new AppStorage(
            new TableServiceClient(connection), new BlobServiceClient(connection), new QueueServiceClient(connection), Options.Create(new StorageOptions()));

        var appTables = storage.AllTables.Select(t => t.Name);

        Assert.Equal(Sorted(appTables), Sorted(BicepArray("tableNames")));
    }

    [Fact]
    public void Infra_provisions_exactly_the_containers_the_app_uses()
    {
        Assert.Equal(Sorted(AppStorage.Containers), Sorted(BicepArray("appContainerNames")));
    }

    [Fact]
    public void Infra_provisions_the_jobs_queue_under_its_default_name()
    {
        Assert.Equal([new StorageOptions().JobsQueueName], BicepArray("queueNames"));
    }

    private static string[] Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    /// <summary>The string literals of <c>var {name} = [ ... ]</c> in storage.bicep.</summary>
    private static IReadOnlyList<string> BicepArray(string name)
    {
        var array = Regex.Match(StorageBicep, $@"var {name} = \[(?<items>[^\]]*)\]");
        Assert.True(array.Success, $"storage.bicep declares no array `{name}`");
        return [.. QuotedLiteral().Matches(array.Groups["items"].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedLiteral();
}
