namespace InventoryMapping.Csv;

/// <summary>
/// Neutralises CSV cells against formula injection (OWASP): a cell a spreadsheet would read as a formula gets a
/// leading <c>'</c>, and <see cref="Restore"/> undoes exactly that, so every value round-trips byte-exact through
/// an export and an import. Rules (docs/csv.md):
/// <list type="bullet">
/// <item>export: a value starting with <c>= + - @</c>, tab or carriage return, or with <c>'</c> followed by one of
/// those or by another <c>'</c>, is written with one more <c>'</c> in front;</item>
/// <item>import: a value starting with <c>'</c> followed by one of those characters or by <c>'</c> loses that
/// first <c>'</c>; any other value is taken as it is (a foreign file's <c>'abc</c> stays <c>'abc</c>).</item>
/// </list>
/// </summary>
public static class CsvFormulaGuard
{
    private const char Quote = '\'';

    public static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The value as an exported cell.</summary>
    public static string Neutralize(string value) => NeedsGuard(value) ? Quote + value : value;

    /// <summary>The value an imported cell stands for: what <see cref="Neutralize"/> added taken off, nothing else.</summary>
    public static string Restore(string cell) =>
        cell.Length >= 2 && cell[0] == Quote && (IsTrigger(cell[1]) || cell[1] == Quote) ? cell[1..] : cell;

    private static bool NeedsGuard(string value) =>
        value.Length > 0 && (IsTrigger(value[0]) || (value[0] == Quote && value.Length >= 2 && (IsTrigger(value[1]) || value[1] == Quote)));
}
