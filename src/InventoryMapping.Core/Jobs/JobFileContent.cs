namespace InventoryMapping.Jobs;

/// <summary>A job's file opened for reading: its content (the caller disposes it), type, length and a name to save it as.</summary>
public sealed record JobFileContent(Stream Content, string ContentType, long Length, string FileName);
