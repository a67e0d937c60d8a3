/// The tables of `drsim plan` (docs/planning.md), defined once here like every other CSV.
extension OutputColumns {
    public static let runway: [OutputColumn] = [
        .init("cluster", "Cluster name."),
        .init("slo", "Service level as given to `--slo` (`cpu_unmet_pct<=1`, `n_plus_1`, `ha_admission`)."),
        .init("breach_month_mean", "First month (0 = today) in which the service level breaks, mean over the replications that break it within the horizon; empty when none does."),
        .init("breach_month_ci95_low", "Lower bound of the 95 % Student-t interval of that mean (cut at 0); empty with fewer than 2 breaking replications."),
        .init("breach_month_ci95_high", "Upper bound of that interval."),
        .init("value_at_breach", "The service level's value in the breach month, mean over those replications (for `n_plus_1` the first bound's value with the largest host failed; for `ha_admission` memory footprint / (capacity − largest host))."),
        .init("replications_breached", "Replications in which it breaks within the horizon."),
        .init("replications", "Replications simulated."),
    ]

    public static let runwayMonths: [OutputColumn] = [
        .init("cluster", "Cluster name."),
        .init("month", "Months from today (growth applied: demand × (1 + g)^month)."),
        .init("cpu_demand_mhz", "Mean CPU demand over the month's simulated days (after the first hour), mean over replications, MHz."),
        .init("cpu_demand_peak_mhz", "Mean demand of the busiest hour, mean over replications, MHz."),
        .init("cpu_capacity_mhz", "Mean CPU capacity of the hosts that run VMs, MHz."),
        .init("facility_kwh_per_month", "Facility energy per 30 days (the simulated days' rate), kWh."),
        .init("energy_cost_per_month", "Its cost (`price_per_kwh`); empty without a price."),
        .init("co2_kg_per_month", "Its CO₂, kg; empty without a CO₂ intensity."),
        .init("hardware_cost_per_month", "Σ host purchase / amortization_months (`host_profiles[].cost`); empty when a host has no cost."),
        .init("license_cost_per_month", "Σ licensed cores (≥ 16 per CPU) × `license_per_core`; empty without it."),
        .init("cost_per_vm_month", "(hardware + licenses + energy cost) per month / VMs of the cluster; empty when no cost is known."),
    ]

    public static let runwaySLOs: [OutputColumn] = [
        .init("cluster", "Cluster name."),
        .init("month", "Months from today."),
        .init("slo", "Service level."),
        .init("value_mean", "Its value (docs/planning.md: per cluster over the chosen window), mean over replications."),
        .init("value_ci95_low", "Lower bound of the 95 % Student-t interval; empty with one replication."),
        .init("value_ci95_high", "Upper bound of that interval."),
        .init("replications_met", "Replications in which the service level holds."),
        .init("replications", "Replications simulated."),
    ]

    public static let size: [OutputColumn] = [
        .init("cluster", "Cluster sized."),
        .init("host_profile", "Host profile of every host of the candidate."),
        .init("hosts", "Candidate host count."),
        .init("meets_all", "`true` when every service level holds in every replication."),
        .init("hosts_needed", "Smallest host count that meets every service level (the same on each row of the profile)."),
        .init("slo", "Service level."),
        .init("value_mean", "Its value, mean over replications."),
        .init("value_ci95_low", "Lower bound of the 95 % Student-t interval; empty with one replication."),
        .init("value_ci95_high", "Upper bound of that interval."),
        .init("replications_met", "Replications in which it holds."),
        .init("replications", "Replications simulated."),
    ]

    public static let sizeProfiles: [OutputColumn] = [
        .init("cluster", "Cluster sized."),
        .init("host_profile", "Host profile."),
        .init("hosts_needed", "Smallest host count meeting every service level."),
        .init("cpu_capacity_mhz", "CPU capacity of those hosts, MHz."),
        .init("facility_kwh_per_month", "Facility energy per 30 days at that host count, mean over replications, kWh."),
        .init("facility_kwh_per_month_ci95_low", "Lower bound of its 95 % interval."),
        .init("facility_kwh_per_month_ci95_high", "Upper bound of its 95 % interval."),
        .init("energy_cost_per_month", "Energy cost per month; empty without `price_per_kwh`."),
        .init("co2_kg_per_month", "CO₂ per month, kg; empty without a CO₂ intensity."),
        .init("hardware_cost_per_month", "hosts × purchase / amortization_months; empty without the profile's `cost`."),
        .init("license_cost_per_month", "hosts × licensed cores (≥ 16 per CPU) × `license_per_core`; empty without it."),
        .init("total_cost_per_month", "Hardware + licenses + energy (the known parts)."),
        .init("vms", "VMs of the cluster."),
        .init("cost_per_vm_month", "`total_cost_per_month / vms`."),
    ]
}
