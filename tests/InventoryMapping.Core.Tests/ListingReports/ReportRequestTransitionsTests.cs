using InventoryMapping.ListingReports;

namespace InventoryMapping.Core.Tests.ListingReports;

public sealed class ReportRequestTransitionsTests
{
    [Theory]
    [InlineData(ReportRequestStatus.Requested, ReportRequestStatus.InProgress)]
    [InlineData(ReportRequestStatus.Requested, ReportRequestStatus.Replaced)]
    [InlineData(ReportRequestStatus.InProgress, ReportRequestStatus.Ingesting)]
    [InlineData(ReportRequestStatus.Ingesting, ReportRequestStatus.Ingested)]
    [InlineData(ReportRequestStatus.Ingesting, ReportRequestStatus.Failed)]
    public void A_request_moves_forward(ReportRequestStatus from, ReportRequestStatus to) =>
        Assert.True(ReportRequestTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(ReportRequestStatus.Ingested, ReportRequestStatus.Ingesting)]
    [InlineData(ReportRequestStatus.Failed, ReportRequestStatus.Requested)]
    [InlineData(ReportRequestStatus.Ingesting, ReportRequestStatus.InProgress)]
    [InlineData(ReportRequestStatus.NoData, ReportRequestStatus.Ingested)]
    public void A_settled_or_later_request_never_moves_back(ReportRequestStatus from, ReportRequestStatus to) =>
        Assert.False(ReportRequestTransitions.IsAllowed(from, to));

    [Fact]
    public void A_move_the_state_machine_forbids_throws_and_changes_nothing()
    {
        var request = new ReportRequestEntity { PartitionKey = "c", RowKey = "r" };
        request.MoveTo(ReportRequestStatus.Failed, DateTimeOffset.UnixEpoch, "why");

        Assert.Throws<InvalidOperationException>(() => request.MoveTo(ReportRequestStatus.Ingested, DateTimeOffset.UnixEpoch));
        Assert.Equal(ReportRequestStatus.Failed, request.RequestStatus);
        Assert.Equal("why", request.Error);
    }
}
