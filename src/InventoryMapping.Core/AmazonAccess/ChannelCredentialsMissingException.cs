namespace InventoryMapping.AmazonAccess;

/// <summary>The channel has no (complete) SP-API credentials in the credential store; the message says where to put them.</summary>
public sealed class ChannelCredentialsMissingException(string message) : Exception(message);
