#!/usr/bin/env python3
"""Generates the RVTools CSV fixtures of InventoryTests (deterministic: fixed seed).

Run from this folder: python3 generate_fixtures.py. Writes
  rvtools4/  vInfo.csv vHost.csv vCluster.csv  RVTools 4.x headers (MiB), ',' separator, CRLF, UTF-8 BOM on vInfo
  rvtools3/  the same inventory with RVTools 3.x headers (MB), ';' separator, decimal commas, LF, no BOM,
             no 'Cores per CPU' column (derived from '# Cores')
  broken/    vInfo_missing_cpus.csv (no CPUs column), vInfo_bad_cpus.csv ('four' in CPUs on row 7)
Both layouts describe the same inventory, so they must import to the same scenario.
"""
import csv
import io
import os
import random

rng = random.Random(20260105)

# --- hosts: (cluster, count, model, sockets, cores/socket, mhz, memory MB, esx, evc) ---------
HOST_SPECS = [
    ("Prod, EU", 10, "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", 2, 32, 1995, 523962, "VMware ESXi 7.0.3 build-20328353", "intel-cascadelake"),
    ("Prod, EU", 2, "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 2, 20, 2494, 392828, "VMware ESXi 6.7.0 build-17700523", "intel-cascadelake"),
    ("prod-us", 8, "AMD EPYC 7543 32-Core Processor", 2, 32, 2794, 1048349, "VMware ESXi 8.0.2 build-22380479", ""),
    ("Dev Lab", 3, "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 2, 14, 2397, 262041, "VMware ESXi 6.5.0 build-7388607", ""),
    ("Dev Lab", 1, "Intel(R) Xeon(R) CPU           X5670  @ 2.93GHz", 2, 6, 2933, 98291, "VMware ESXi 6.0.0 build-3620759", ""),
    ("Dev Lab", 1, "Intel(R) Xeon(R) CPU Max 9480", 2, 56, 1900, 524000, "VMware ESXi 8.0.1 build-21495797", ""),
    ("", 1, "Intel(R) Xeon(R) Silver 4114 CPU @ 2.20GHz", 1, 10, 2195, 130946, "VMware ESXi 6.7.0 build-17700523", ""),
]

hosts = []
for cluster, count, model, sockets, cores, mhz, mem, esx, evc in HOST_SPECS:
    for _ in range(count):
        k = len(hosts) + 1
        if cluster == "":
            name = "esx-standalone.lab.local"
        else:
            prefix = {"Prod, EU": "eu", "prod-us": "us", "Dev Lab": "lab"}[cluster]
            name = f"esx{k:02d}.{prefix}.example.com"
        usage = round(rng.uniform(15, 65), 1)
        hosts.append(dict(name=name, cluster=cluster, model=model, sockets=sockets, cores=cores, mhz=mhz, mem=mem,
                          esx=esx, evc=evc, cpu_usage=usage, mem_usage=round(rng.uniform(35, 85), 1)))
hosts[5]["cpu_usage"] = None  # eu host without a CPU usage figure: its VMs get the default mean

DATASTORES = {"Prod, EU": ["eu-vsan-01", "eu nfs [gold]"], "prod-us": ["us-ds-01", "us-ds-02"], "Dev Lab": ["lab-local"]}
NETWORKS = {"Prod, EU": ["VM Network", "eu-app, vlan 100"], "prod-us": ["us-web"], "Dev Lab": ["lab-net"]}
SIZES = [(1, 2048), (2, 4096), (2, 8192), (4, 8192), (4, 16384), (8, 32768), (16, 65536), (2, 1536)]
VM_COUNTS = {"Prod, EU": 150, "prod-us": 140, "Dev Lab": 60}
ODD_NAMES = ["app, frontend 01", 'db "primary"', "café-01", "  padded vm  ", "x: y # not a comment", "dup-vm"]

vms = []
for cluster in ["Prod, EU", "prod-us", "Dev Lab"]:
    members = [h for h in hosts if h["cluster"] == cluster]
    for i in range(VM_COUNTS[cluster]):
        prefix = {"Prod, EU": "eu-app", "prod-us": "us-web", "Dev Lab": "lab-vm"}[cluster]
        name = f"{prefix}-{i + 1:03d}"
        host = members[i % len(members)]
        vcpus, mem = SIZES[rng.randrange(len(SIZES))]
        r = rng.random()
        template = r < 0.04
        power = "poweredOff" if template or r < 0.11 else ("suspended" if r < 0.12 else "poweredOn")
        ds = DATASTORES[cluster][rng.randrange(len(DATASTORES[cluster]))]
        net = NETWORKS[cluster][rng.randrange(len(NETWORKS[cluster]))]
        active = "" if rng.random() < 0.1 else str(int(mem * rng.uniform(0.05, 0.6)))
        annotation = rng.choice(["", "owner: ops", 'Owner "team-a", cost center 42', "line one\nline two", "a;b;c"])
        vms.append(dict(name=name, power=power, template=template, vcpus=vcpus, mem=mem, active=active,
                        net=net, path=f"[{ds}] {name}/{name}.vmx", cluster=cluster, host=host["name"],
                        annotation=annotation, inuse=int(rng.uniform(10, 200) * 1024)))
# odd cases
for k, odd in enumerate(ODD_NAMES):
    vms[3 + 20 * k]["name"] = odd
    vms[3 + 20 * k]["power"] = "poweredOn"
    vms[3 + 20 * k]["template"] = False
vms[200]["name"] = "dup-vm"; vms[200]["power"] = "poweredOn"; vms[200]["template"] = False
vms[10]["path"] = ""            # no datastore: the cluster's first is used
vms[11]["net"] = ""             # no network
vms[12]["host"] = ""            # cluster known, host not: placed by DRS, default usage
vms[13]["cluster"] = ""         # host known: cluster from the host
vms[13]["power"] = "poweredOn"; vms[13]["template"] = False
vms.append(dict(name="orphan-on-standalone", power="poweredOn", template=False, vcpus=2, mem=4096, active="1024",
                net="VM Network", path="[local] orphan/orphan.vmx", cluster="", host="esx-standalone.lab.local",
                annotation="", inuse=20480))

def num(value, comma):
    text = str(value)
    return text.replace(".", ",") if comma else text

def write(path, header, rows, sep, newline, bom):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row.get(h) is None else row.get(h) for h in header])
    data = ("\ufeff" if bom else "") + buffer.getvalue()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(data)

def vinfo_rows(mib, comma):
    unit = "MiB" if mib else "MB"
    rows = []
    for i, vm in enumerate(vms):
        rows.append({
            "VM": vm["name"], "Powerstate": vm["power"], "Template": "True" if vm["template"] else "False",
            "SRM Placeholder": "False", "Config status": "green", "DNS Name": vm["name"].strip().replace(" ", "") + ".example.com",
            "Connection state": "connected", "Guest state": "running" if vm["power"] == "poweredOn" else "notRunning",
            "CPUs": vm["vcpus"], "Memory": vm["mem"], "Active Memory": vm["active"], "NICs": 1, "Disks": 1,
            f"Total disk capacity {unit}": 102400, "Primary IP Address": f"10.{i // 250}.{i % 250}.10",
            "Network #1": vm["net"], "Network #2": "", "Resource pool": "Resources", "Folder": "vm",
            f"Provisioned {unit}": vm["inuse"] + vm["mem"], f"In Use {unit}": vm["inuse"], f"Unshared {unit}": vm["inuse"],
            "Path": vm["path"], "Annotation": vm["annotation"], "Datacenter": "DC1", "Cluster": vm["cluster"],
            "Host": vm["host"], "OS according to the configuration file": "Ubuntu Linux (64-bit)",
            "VM ID": f"vm-{1000 + i}", "VM UUID": f"4210{i:028x}", "VI SDK Server": "vcenter.example.com",
        })
    return rows

VINFO4 = ["VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "DNS Name", "Connection state",
          "Guest state", "CPUs", "Memory", "Active Memory", "NICs", "Disks", "Total disk capacity MiB",
          "Primary IP Address", "Network #1", "Network #2", "Resource pool", "Folder", "Provisioned MiB",
          "In Use MiB", "Unshared MiB", "Path", "Annotation", "Datacenter", "Cluster", "Host",
          "OS according to the configuration file", "VM ID", "VM UUID", "VI SDK Server"]
VINFO3 = [h.replace("MiB", "MB") for h in VINFO4 if h not in ("SRM Placeholder", "Unshared MiB")]

def vhost_rows(comma):
    rows = []
    for i, h in enumerate(hosts):
        rows.append({
            "Host": h["name"], "Datacenter": "DC1", "Cluster": h["cluster"], "Config status": "green",
            "in Maintenance Mode": "False", "CPU Model": h["model"], "Speed": h["mhz"], "HT Available": "True",
            "HT Active": "True", "# CPU": h["sockets"], "Cores per CPU": h["cores"], "# Cores": h["sockets"] * h["cores"],
            "CPU usage %": None if h["cpu_usage"] is None else num(h["cpu_usage"], comma),
            "# Memory": h["mem"], "Memory usage %": num(h["mem_usage"], comma), "# NICs": 4, "# HBAs": 2,
            "VMotion support": "True", "Current EVC": h["evc"], "Max EVC": "", "ESX Version": h["esx"],
            "Vendor": "Dell Inc.", "Model": "PowerEdge R650", "Serial number": f"SN{i:05d}",
            "Object ID": f"host-{100 + i}", "VI SDK Server": "vcenter.example.com",
        })
    return rows

VHOST4 = ["Host", "Datacenter", "Cluster", "Config status", "in Maintenance Mode", "CPU Model", "Speed",
          "HT Available", "HT Active", "# CPU", "Cores per CPU", "# Cores", "CPU usage %", "# Memory",
          "Memory usage %", "# NICs", "# HBAs", "VMotion support", "Current EVC", "Max EVC", "ESX Version",
          "Vendor", "Model", "Serial number", "Object ID", "VI SDK Server"]
VHOST3 = [h for h in VHOST4 if h != "Cores per CPU"]

CLUSTERS = [
    dict(Name="Prod, EU", NumHosts=12, **{"HA enabled": "True", "DRS enabled": "True", "DRS default VM behavior": "fullyAutomated",
                                          "DRS vmotion rate": 3, "DPM enabled": "False"}),
    dict(Name="prod-us", NumHosts=8, **{"HA enabled": "True", "DRS enabled": "True", "DRS default VM behavior": "partiallyAutomated",
                                        "DRS vmotion rate": 2, "DPM enabled": "True"}),
    dict(Name="Dev Lab", NumHosts=5, **{"HA enabled": "False", "DRS enabled": "False", "DRS default VM behavior": "manual",
                                        "DRS vmotion rate": 5, "DPM enabled": "False"}),
    dict(Name="Empty Cluster", NumHosts=0, **{"HA enabled": "False", "DRS enabled": "False", "DRS default VM behavior": "",
                                              "DRS vmotion rate": "", "DPM enabled": "False"}),
]
VCLUSTER = ["Name", "Config status", "OverallStatus", "NumHosts", "numEffectiveHosts", "TotalCpu", "HA enabled",
            "Failover Level", "DRS enabled", "DRS default VM behavior", "DRS vmotion rate", "DPM enabled",
            "DPM default behavior", "VI SDK Server"]

write("rvtools4/vInfo.csv", VINFO4, vinfo_rows(True, False), ",", "\r\n", True)
write("rvtools4/vHost.csv", VHOST4, vhost_rows(False), ",", "\r\n", False)
write("rvtools4/vCluster.csv", VCLUSTER, CLUSTERS, ",", "\r\n", False)
write("rvtools3/vInfo.csv", VINFO3, [{k.replace("MiB", "MB"): v for k, v in r.items()} for r in vinfo_rows(False, True)], ";", "\n", False)
write("rvtools3/vHost.csv", VHOST3, vhost_rows(True), ";", "\n", False)
write("rvtools3/vCluster.csv", VCLUSTER, CLUSTERS, ";", "\n", False)

small = vinfo_rows(True, False)[:8]
write("broken/vInfo_missing_cpus.csv", [h for h in VINFO4 if h != "CPUs"], small, ",", "\r\n", False)
small[5]["CPUs"] = "four"
write("broken/vInfo_bad_cpus.csv", VINFO4, small, ",", "\r\n", False)

on = [v for v in vms if v["power"] == "poweredOn" and not v["template"]]
print("hosts", len(hosts), "vms", len(vms), "templates", sum(v["template"] for v in vms),
      "off/suspended", sum(1 for v in vms if not v["template"] and v["power"] != "poweredOn"), "on", len(on))
