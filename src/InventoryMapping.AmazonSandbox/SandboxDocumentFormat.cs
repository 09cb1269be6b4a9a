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
/// <param name="Utf8WithoutCharset">Write UTF-8 (no byte-order mark) and send no charset, whatever <paramref name="Charset"/> says.</param>
/// <param name="OmitTrailingEmptyFields">End each row after its last non-empty field, as Amazon does, so rows are shorter than the header.</param>
/// <param name="DecimalComma">Write prices with a decimal comma (<c>12,50</c>), which the model does not document.</param>
/// <param name="JapaneseHeaders">Write the header in the Japanese locale's column names.</param>
public sealed record SandboxDocumentFormat(
    string Charset = "Cp1252",
    bool Gzip = false,
    bool TruncateGzip = false,
    bool ShuffleColumns = false,
    bool ExtraColumns = false,
    bool OmitStatusColumn = false,
    bool GzipAlreadyInflated = false,
    bool Utf8ByteOrderMark = false,
    bool Utf8WithoutCharset = false,
    bool OmitTrailingEmptyFields = false,
    bool DecimalComma = false,
    bool JapaneseHeaders = false);
