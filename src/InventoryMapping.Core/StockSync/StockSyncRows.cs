using Azure;
using InventoryMapping.Channels;
using InventoryMapping.Storage;

namespace InventoryMapping.StockSync;

/// <summary>The channel's stock sync settings row: Force Update's cooldown, claimed under its ETag, and the rules fingerprint.</summary>
public sealed class StockSyncRows(AppStorage storage, TimeProvider clock)
{
    /// <summary>When Force Update may start again (null: now).</summary>
    public async Task<DateTimeOffset?> ForceUpdateAvailableAtAsync(string channelId, TimeSpan cooldown, CancellationToken cancellationToken) =>
        (await ReadAsync(channelId, cancellationToken)).ForceUpdateStartedAt is { } started && started + cooldown > clock.GetUtcNow() ? started + cooldown : null;

    /// <summary>Claims the channel's Force Update unless one started within <paramref name="cooldown"/>; the answer is then how long to wait.</summary>
    public async Task<TimeSpan?> TryClaimForceUpdateAsync(string channelId, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(channelId, cancellationToken);
        var now = clock.GetUtcNow();
        if (row.ForceUpdateStartedAt is { } started && started + cooldown > now)
        {
            return started + cooldown - now;
        }

        row.ForceUpdateStartedAt = now;
        // A second claim racing this one loses the ETag and waits the whole cooldown.
        return await storage.StockSubmissions.TryWriteAsync(row, cancellationToken) == WriteOutcome.Written ? null : cooldown;
    }

    /// <summary>
    /// When the channel's locations or stock rules changed since its listings were last checked for them (or never
    /// were), runs <paramref name="resync"/> and then records them: a crash in between resyncs twice, never not at all.
    /// </summary>
    public async Task OnRulesChangeAsync(Channel channel, Func<Task> resync, CancellationToken cancellationToken)
    {
        var fingerprint = $"{string.Join(',', channel.LocationIds)}|{channel.StockRules.StockPercentage}|{channel.StockRules.MaxListedQuantity}|{channel.StockRules.EndWhenStock}";
        var row = await ReadAsync(channel.ChannelId, cancellationToken);
        if (row.RulesFingerprint == fingerprint)
        {
            return;
        }

        await resync();
        row.RulesFingerprint = fingerprint;
        await storage.StockSubmissions.TryWriteAsync(row, cancellationToken);
    }

    private async Task<StockSyncRowEntity> ReadAsync(string channelId, CancellationToken cancellationToken)
    {
        var row = await storage.StockSubmissions.GetEntityIfExistsAsync<StockSyncRowEntity>(channelId, StockSyncRowEntity.Key, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : new StockSyncRowEntity { PartitionKey = channelId };
    }
}
