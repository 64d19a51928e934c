using CustomerAnalytics.Segmentation.Models;

namespace CustomerAnalytics.Segmentation.Evaluation;

/// <summary>What one cluster's customers look like, in the table's own units.</summary>
/// <param name="Cluster">Cluster id, 1 to k.</param>
/// <param name="Name">The cluster's name, true of its members (see <see cref="SegmentNaming"/>).</param>
/// <param name="Customers">Customers in the cluster.</param>
/// <param name="Share">Share of all customers.</param>
/// <param name="MeanRecency">Mean days since the last purchase.</param>
/// <param name="MeanFrequency">Mean number of orders.</param>
/// <param name="MeanMonetary">Mean total spend.</param>
/// <param name="Revenue">Total spend of the cluster.</param>
/// <param name="RevenueShare">Share of all revenue.</param>
/// <param name="GridSegment">The segment of workshop 01's grid most members are in.</param>
/// <param name="GridShare">The share of members in <paramref name="GridSegment"/>.</param>
public sealed record ClusterProfile(int Cluster, string Name, int Customers, double Share, double MeanRecency, double MeanFrequency,
    double MeanMonetary, double Revenue, double RevenueShare, string GridSegment, double GridShare);
