using InventoryMapping.LocalHost.Hosting;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.LocalHost.Tests.Hosting;

public sealed class AppSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Percent_expressions_are_replaced_by_their_settings()
    {
        var resolved = AppSettings.Resolve(Settings(("Container", "imports"), ("Jobs:Queue", "jobs")), "%Container%/{name}-%Jobs__Queue%", "F");

        Assert.Equal("imports/{name}-jobs", resolved);
    }

    [Fact]
    public void A_missing_setting_is_an_error_naming_it_and_the_function()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppSettings.Resolve(Settings(), "%Schedule%", "Nightly"));

        Assert.Contains("'Schedule'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nightly", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AppStorage", "AppStorage", "a")]
    [InlineData("AppStorage", "ConnectionStrings:AppStorage", "b")]
    [InlineData("Storage", "AzureWebJobsStorage", "c")]
    [InlineData(null, "AzureWebJobsStorage", "d")]
    [InlineData("", "AzureWebJobsStorage", "e")]
    public void A_connection_name_resolves_like_the_Functions_host_does(string? connection, string key, string value)
    {
        Assert.Equal(value, AppSettings.ConnectionString(Settings((key, value)), connection, "F"));
    }

    [Fact]
    public void A_missing_connection_is_an_error_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppSettings.ConnectionString(Settings(), "AppStorage", "F"));

        Assert.Contains("'AppStorage'", error.Message, StringComparison.Ordinal);
    }
}
