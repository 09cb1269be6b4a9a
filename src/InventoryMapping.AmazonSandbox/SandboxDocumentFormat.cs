namespace InventoryMapping.AmazonSandbox;

/// <summary>How report documents are written.</summary>
/// <param name="Charset">The charset label sent in Content-Type, as Amazon spells it (<c>Cp1252</c>, <c>utf8</c>, <c>UTF-8</c>, <c>Shift_JIS</c>); empty sends none and writes Cp1252.</param>
/// <param name="Gzip">Compress and say <c>compressionAlgorithm: GZIP</c>.</param>
/// <param name="TruncateGzip">Cut the GZIP body short, as a broken transfer would.</param>
/// <param name="ShuffleColumns">Write the columns in another (fixed) order.</param>
/// <param name="ExtraColumns">Add columns real documents sometimes carry (B2B price, minimum order quantity, sell remainder).</param>
/// <param name="OmitStatusColumn">Leave the <c>status</c> column out, as some documents do.</param>
/// <param name="GzipAlreadyInflated">Say <c>compressionAlgorithm: GZIP</c> but send plain text, as a download that something on the way already inflated.</param>
/// <param name="Utf8ByteOrderMark">Write UTF-8 with a byte-order mark whatever <paramref name="Charset"/> says.</param>
public sealed record SandboxDocumentFormat(
    string Charset = "Cp1252",
    bool Gzip = false,
    bool TruncateGzip = false,
    bool ShuffleColumns = false,
    bool ExtraColumns = false,
    bool OmitStatusColumn = false,
    bool GzipAlreadyInflated = false,
    bool Utf8ByteOrderMark = false);
