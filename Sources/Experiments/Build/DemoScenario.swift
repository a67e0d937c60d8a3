/// The built-in demo scenario, run by `drsim run` without a file. A test keeps it byte-identical
/// to `scenarios/demo.yaml`; edit both together (`make demo-sync` copies the file in).
public enum DemoScenario {
    /// File name shown in messages about the embedded demo.
    public static let fileName = "scenarios/demo.yaml (built in)"

    /// The YAML text.
    public static let yaml = #"""
# The built-in demo (`drsim run` with no scenario): one 8-host cluster, 120 VMs, one week.
# Web VMs follow office hours with bursts; databases are bigger and steadier. DRS balances at the
# default threshold 3, DPM powers hosts down at night, HA is on, and two scheduled events show a
# manual vMotion and a maintenance window. Every key is explained in docs/scenario-format.md.
schema_version: 1
name: demo
seed: 42
start: 2026-01-05T00:00:00Z      # calendar of t = 0 (a Monday)
duration: 7d
sample_interval: 5m
pue: 1.4
drs: {enabled: true, automation: fully_automated, threshold: 3, period: 5m}
dpm: {enabled: true, threshold: 3, target_utilization: 0.63, tolerance: 0.18,
      history_power_on: 5m, history_power_off: 40m, min_hosts_on: 2}
vmotion: {switchover_goal: 500ms, resume_time: 50ms, max_precopy_rounds: 30, sdps: true,
          nic_efficiency: 0.9, storage_copy_mbps: 4000}
host_profiles:
  - name: r650
    cpu: {vendor: intel, generation: icelake, sockets: 2, cores_per_socket: 16, mhz: 2800}
    memory_gb: 512
    vmotion_nic_gbps: 10
    power: {model: linear, idle_w: 180, max_w: 520}
    standby_w: 10
    boot_time: 5m
    shutdown_time: 2m
vm_profiles:
  - name: web
    vcpus: 4
    vcpu_mhz: 2800
    memory_gb: 16
    disk_gb: 40
    workload:
      cpu: {mean: 0.2, diurnal: {amplitude: 0.5, peak_hour: 14}, weekly: {weekend_factor: 0.6},
            noise: {sigma: 0.15, correlation_time: 30m}, bursts: {per_day: 1, factor: 2.0, duration: 20m}}
      memory: {active_fraction: 0.4, dirty_rate_mbps: 300, wws_fraction: 0.2}
  - name: db
    vcpus: 8
    memory_gb: 32
    disk_gb: 200
    shares: high
    workload:
      cpu: {mean: 0.3, diurnal: {amplitude: 0.3, peak_hour: 11}, weekly: {weekend_factor: 0.8},
            noise: {sigma: 0.1, correlation_time: 1h}}
      memory: {active_fraction: 0.6, dirty_rate_mbps: 800, wws_fraction: 0.3}
clusters:
  - name: prod-a
    license: enterprise_plus
    vsphere_version: "6.7"
    evc: icelake
    datastores: [ds-a]
    networks: [vm-net]
    hosts: [{profile: r650, count: 8}]
    vms:
      - {profile: web, count: 96}
      - {profile: db, count: 24}
    ha: {enabled: true, restart_time: 2m}
    rules:
      - {name: db-pair-apart, kind: anti_affinity, vms: [db-0001, db-0002]}
events:
  - {at: 2d, action: migrate, vm: web-0007, to: prod-a-esx03}
  - {at: 3d2h, action: enter_maintenance, host: prod-a-esx05, for: 45m}

"""#
}
