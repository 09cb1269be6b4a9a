using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InventoryMapping.SpApi.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void The_spapi_section_binds_endpoints_token_endpoint_and_retry_once()
    {
        var options = Resolve(new()
        {
            ["SpApi:Endpoints:EU"] = "http://127.0.0.1:5080",
            ["SpApi:TokenEndpoint"] = "http://127.0.0.1:5080/auth/o2/token",
            ["SpApi:MaxRetryAttempts"] = "2",
        });

        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.EndpointFor("EU").ApiBaseUri);
        Assert.Equal(SpApiEndpoint.NorthAmerica.ApiBaseUri, options.EndpointFor("NA").ApiBaseUri);
        Assert.Equal(new Uri("http://127.0.0.1:5080/auth/o2/token"), options.EndpointFor("FE").TokenUri);
        Assert.Equal(2, options.MaxRetryAttempts);
    }

    [Fact]
    public void Invalid_settings_fail_naming_each_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["SpApi:Endpoints:EU"] = "/relative",
            ["SpApi:AttemptTimeout"] = "00:00:00",
        }));

        Assert.Contains(error.Failures, f => f.Contains("SpApi:Endpoints:EU", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("SpApi:AttemptTimeout", StringComparison.Ordinal));
    }

    private static SpApiOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSpApiClient(configuration.GetSection(SpApiOptions.Section)).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SpApiOptions>>().Value;
    }
}
