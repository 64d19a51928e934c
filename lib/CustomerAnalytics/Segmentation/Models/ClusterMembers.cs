namespace CustomerAnalytics.Segmentation.Models;

/// <summary>
/// What a naming rule knows of one cluster's members (see <see cref="SegmentNaming"/>): their mean orders, the segment
/// of workshop 01's grid most of them are in and how many are, and a plain description of the middle half of them.
/// </summary>
/// <param name="Cluster">Cluster id, 1 to k.</param>
/// <param name="Customers">Members.</param>
/// <param name="MeanOrders">Mean number of orders of the members.</param>
/// <param name="MeanRecency">Mean days since the members' last order.</param>
/// <param name="MeanSpend">Mean total spend of the members.</param>
/// <param name="GridSegment">The segment of workshop 01's grid (<see cref="CustomerAnalytics.Sql.RfmGrid"/>) that most members are in
/// (on a tie, the first in the grid's order).</param>
/// <param name="GridShare">The share of members in <paramref name="GridSegment"/>, 0 to 1.</param>
/// <param name="Description">A name built from the members' profile, e.g. "one order, 5-8 months ago, high spend"
/// (see <see cref="SegmentNaming.Describe"/>).</param>
public sealed record ClusterMembers(int Cluster, int Customers, double MeanOrders, double MeanRecency, double MeanSpend,
    string GridSegment, double GridShare, string Description);
