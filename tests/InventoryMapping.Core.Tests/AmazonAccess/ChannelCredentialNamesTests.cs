using System.Text.RegularExpressions;
using InventoryMapping.AmazonAccess;
using InventoryMapping.Channels;

namespace InventoryMapping.Core.Tests.AmazonAccess;

public sealed partial class ChannelCredentialNamesTests
{
    /// <summary>Valid channel ids of every shape the API accepts: one character, dashes (single, double, many), digits only, the longest.</summary>
    private static readonly string[] s_validIds =
    [
        "a", "7", "de-shop", "de--shop", "a-b-c-d-e", "eu1", "x-clientid", "a-refreshtoken", "0-0", new string('z', ChannelIds.MaxLength),
        "a" + new string('-', ChannelIds.MaxLength - 2) + "b",
    ];

    public static TheoryData<string> ValidIds => new(s_validIds);

    [Theory]
    [MemberData(nameof(ValidIds))]
    public void Every_valid_channel_id_gets_secret_names_key_vault_accepts(string channelId)
    {
        Assert.True(ChannelIds.IsValid(channelId));
        foreach (var credential in ChannelCredentialNames.All)
        {
            Assert.Matches(KeyVaultSecretName(), ChannelCredentialNames.SecretName(channelId, credential));
        }
    }

    [Fact]
    public void No_two_channel_credentials_share_a_secret_name_even_ignoring_case()
    {
        var ids = s_validIds.Concat(["a-clientid", "a", "a-client", "clientid", "a--", "de-shop-2"]).Where(ChannelIds.IsValid).Distinct().ToList();
        var names = ids.SelectMany(id => ChannelCredentialNames.All.Select(c => ChannelCredentialNames.SecretName(id, c).ToUpperInvariant())).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }

    /// <summary>Key Vault: 1 to 127 characters, letters, digits and dashes.</summary>
    [GeneratedRegex("^[0-9a-zA-Z-]{1,127}$")]
    private static partial Regex KeyVaultSecretName();
}
