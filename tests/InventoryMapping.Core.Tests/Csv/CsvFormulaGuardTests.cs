using InventoryMapping.Csv;

namespace InventoryMapping.Core.Tests.Csv;

public sealed class CsvFormulaGuardTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=x", "''=x")]
    [InlineData("''", "'''")]
    [InlineData("'abc", "'abc")]
    [InlineData("'", "'")]
    [InlineData("abc=", "abc=")]
    [InlineData("", "")]
    public void Neutralizes_cells_a_spreadsheet_would_run(string value, string cell) =>
        Assert.Equal(cell, CsvFormulaGuard.Neutralize(value));

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("'=x")]
    [InlineData("''=x")]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("'abc")]
    [InlineData("-")]
    [InlineData(" =x")]
    [InlineData("Crème, \"brûlée\";\t")]
    public void Restore_undoes_exactly_what_neutralize_added(string value) =>
        Assert.Equal(value, CsvFormulaGuard.Restore(CsvFormulaGuard.Neutralize(value)));

    [Theory]
    [InlineData("'=x", "=x")]
    [InlineData("'abc", "'abc")]
    [InlineData("abc", "abc")]
    public void A_foreign_file_loses_only_a_neutralizing_quote(string cell, string value) =>
        Assert.Equal(value, CsvFormulaGuard.Restore(cell));
}
