namespace InventoryMapping.Imports;

/// <summary>What is wrong with a row: the column as the header names it (empty for the row as a whole), the value as echoed (escaped, truncated, neutralised), and why.</summary>
internal sealed record ImportRowError(string Column, string Value, string Reason);
