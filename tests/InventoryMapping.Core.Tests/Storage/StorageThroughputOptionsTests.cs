using InventoryMapping.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Core.Tests.Storage;

public sealed class StorageThroughputOptionsTests
{
    [Fact]
    public void The_throughput_knobs_are_bound_from_the_storage_section()
    {
        using var provider = Provider(new() { ["Storage:Throughput:ListingPartitionsInFlight"] = "4" });

        var options = provider.GetRequiredService<IOptions<StorageThroughputOptions>>().Value;

        Assert.Equal(4, options.ListingPartitionsInFlight);
        Assert.Equal(8, options.LinkPartitionsInFlight);
    }

    [Theory]
    [InlineData("ListingPartitionsInFlight", "0")]
    [InlineData("ItemTransactionsInFlight", "100000")]
    public void A_knob_out_of_range_fails_the_start_naming_it(string knob, string value)
    {
        using var provider = Provider(new() { [$"Storage:Throughput:{knob}"] = value });

        var failed = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal($"Storage:Throughput:{knob}: each is 1 to 256.", Assert.Single(failed.Failures));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        settings["AppStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddInventoryMapping(configuration);
        return services.BuildServiceProvider();
    }
}
