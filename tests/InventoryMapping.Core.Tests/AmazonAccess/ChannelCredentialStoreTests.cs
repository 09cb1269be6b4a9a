using Azure;
using Azure.Security.KeyVault.Secrets;
using InventoryMapping.AmazonAccess;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.Core.Tests.AmazonAccess;

public sealed class ChannelCredentialStoreTests
{
    [Fact]
    public async Task Configuration_store_reads_a_channel_id_with_dashes_as_it_is()
    {
        var store = new ConfigurationChannelCredentialStore(Configuration(new()
        {
            ["ChannelCredentials:Channels:de-shop:ClientId"] = "client",
            ["ChannelCredentials:Channels:de-shop:ClientSecret"] = "secret",
            ["ChannelCredentials:Channels:de-shop:RefreshToken"] = "Atzr|token",
        }));

        var credentials = await store.GetAsync("de-shop", default);

        Assert.Equal(new InventoryMapping.SpApi.SpApiCredentials("client", "secret", "Atzr|token"), credentials);
    }

    [Fact]
    public async Task Configuration_store_accepts_underscores_for_dashes_as_environment_variables_spell_them()
    {
        var store = new ConfigurationChannelCredentialStore(Configuration(new()
        {
            ["ChannelCredentials:Channels:de_shop:ClientId"] = "client",
            ["ChannelCredentials:Channels:de_shop:ClientSecret"] = "secret",
            ["ChannelCredentials:Channels:de_shop:RefreshToken"] = "Atzr|token",
        }));

        Assert.NotNull(await store.GetAsync("de-shop", default));
    }

    [Fact]
    public async Task A_channel_missing_one_credential_has_none_and_the_description_names_settings_not_values()
    {
        var store = new ConfigurationChannelCredentialStore(Configuration(new()
        {
            ["ChannelCredentials:Channels:eu1:ClientId"] = "client",
            ["ChannelCredentials:Channels:eu1:RefreshToken"] = "Atzr|token",
        }));

        Assert.Null(await store.GetAsync("eu1", default));
        Assert.Contains("ChannelCredentials__Channels__eu1__ClientSecret", store.Describe("eu1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Atzr|token", store.Describe("eu1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_vault_store_reads_the_channels_three_secrets_and_keeps_them_for_the_cache_duration()
    {
        var vault = new FakeSecretClient(new()
        {
            ["SpApi--de-shop--ClientId"] = "client",
            ["SpApi--de-shop--ClientSecret"] = "secret",
            ["SpApi--de-shop--RefreshToken"] = "Atzr|one",
        });
        var clock = new FakeTimeProvider();
        var store = new KeyVaultChannelCredentialStore(vault, Options.Create(new ChannelCredentialsOptions { CacheDuration = TimeSpan.FromMinutes(5) }), clock);

        Assert.Equal("Atzr|one", (await store.GetAsync("de-shop", default))!.RefreshToken);
        vault.Secrets["SpApi--de-shop--RefreshToken"] = "Atzr|rotated";
        Assert.Equal("Atzr|one", (await store.GetAsync("de-shop", default))!.RefreshToken);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("Atzr|rotated", (await store.GetAsync("de-shop", default))!.RefreshToken);
        Assert.Equal(6, vault.Reads);
    }

    [Fact]
    public async Task Key_vault_store_has_no_credentials_for_a_channel_whose_secret_is_missing()
    {
        var vault = new FakeSecretClient(new() { ["SpApi--new-channel--ClientId"] = "client" });
        var store = new KeyVaultChannelCredentialStore(vault, Options.Create(new ChannelCredentialsOptions()), new FakeTimeProvider());

        Assert.Null(await store.GetAsync("new-channel", default));
        Assert.Contains("SpApi--new-channel--RefreshToken", store.Describe("new-channel"), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>Key Vault as the SDK's mocking support allows: answers by name, 404 for a missing secret.</summary>
    private sealed class FakeSecretClient(Dictionary<string, string> secrets) : SecretClient
    {
        public Dictionary<string, string> Secrets { get; } = secrets;

        public int Reads { get; private set; }

        public override Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version = null, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Secrets.TryGetValue(name, out var value)
                ? Task.FromResult(Response.FromValue(SecretModelFactory.KeyVaultSecret(new SecretProperties(name), value), new FakeResponse(200)))
                : throw new RequestFailedException(404, "SecretNotFound");
        }
    }

    private sealed class FakeResponse(int status) : Response
    {
        public override int Status => status;

        public override string ReasonPhrase => "";

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = "";

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<Azure.Core.HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
