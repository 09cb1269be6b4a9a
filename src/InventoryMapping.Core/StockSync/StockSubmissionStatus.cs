namespace InventoryMapping.StockSync;

/// <summary>Where a stock submission stands.</summary>
public enum StockSubmissionStatus
{
    /// <summary>Claimed; the pending listings are being read and their quantities decided.</summary>
    Planning,

    /// <summary>The safety rail stopped it: it would set too many positive quantities to 0. Confirm or discard it.</summary>
    Held,

    /// <summary>Being sent (feed documents, uploads, createFeed; or the patches).</summary>
    Submitting,

    /// <summary>With Amazon: waiting for the feeds' processing reports.</summary>
    Processing,

    /// <summary>Amazon's results are on the listings.</summary>
    Done,

    /// <summary>The pending listings needed nothing sent.</summary>
    NothingToSend,

    /// <summary>Held, then discarded: nothing was sent.</summary>
    Discarded,

    Failed,
}
