//! A small routed network in Linux network namespaces, for proving firewall rules on a real
//! kernel: a client (the customer's network and servers), a router that loads the rules on
//! its forward hook, and a server (Telia's and the vendors' addresses). Each end runs a
//! `flowprobe` that answers on the test's ports and opens the flows it is asked for. Nothing
//! here is connected to the machine's own network: every address lives in these namespaces.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::Ipv4Addr;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Which end of the lab a flow starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// The customer's side (10.0.0.0/8 and 198.51.100.0/24).
    Customer,
    /// Everything else: Telia, the vendors, the rest of the Internet.
    Internet,
}

/// Networks routed to the customer's side; every other address is on the Internet side.
pub const CUSTOMER_SPACE: [&str; 2] = ["10.0.0.0/8", "198.51.100.0/24"];

pub fn side_of(address: Ipv4Addr) -> Side {
    let customer =
        CUSTOMER_SPACE.iter().any(|network| network.parse::<ipnet::Ipv4Net>().is_ok_and(|n| n.contains(&address)));
    if customer { Side::Customer } else { Side::Internet }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Flow {
    pub udp: bool,
    pub source: Ipv4Addr,
    pub destination: Ipv4Addr,
    pub port: u16,
}

impl std::fmt::Display for Flow {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let protocol = if self.udp { "UDP" } else { "TCP" };
        write!(formatter, "{protocol} {} -> {}:{}", self.source, self.destination, self.port)
    }
}

struct Host {
    child: Child,
    input: ChildStdin,
    answers: Receiver<String>,
}

pub struct Lab {
    prefix: String,
    hosts: BTreeMap<Side, Host>,
    added: Vec<(Side, Ipv4Addr)>,
    next_id: u64,
}

fn run(arguments: &[&str], input: Option<&str>) -> Result<String, String> {
    let mut command = Command::new(arguments[0]);
    command.args(&arguments[1..]).stdout(Stdio::piped()).stderr(Stdio::piped());
    command.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
    // Firewall tools live in /usr/sbin, which an unprivileged PATH may lack.
    let path = std::env::var("PATH").unwrap_or_default();
    command.env("PATH", format!("{path}:/usr/sbin:/sbin"));
    let mut child = command.spawn().map_err(|error| format!("cannot run {}: {error}", arguments.join(" ")))?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(text.as_bytes()).map_err(|error| error.to_string())?;
    }
    let output = child.wait_with_output().map_err(|error| error.to_string())?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!("{} failed: {}", arguments.join(" "), String::from_utf8_lossy(&output.stderr).trim()))
    }
}

impl Lab {
    fn namespace(&self, side: Option<Side>) -> String {
        match side {
            Some(Side::Customer) => format!("{}c", self.prefix),
            Some(Side::Internet) => format!("{}s", self.prefix),
            None => format!("{}r", self.prefix),
        }
    }

    fn exec(&self, side: Option<Side>, arguments: &[&str], input: Option<&str>) -> Result<String, String> {
        let namespace = self.namespace(side);
        let mut full = vec!["ip", "netns", "exec", namespace.as_str()];
        full.extend_from_slice(arguments);
        run(&full, input)
    }

    /// Makes the three namespaces and starts a probe in each end, answering on `ports`.
    /// Fails, saying why, where namespaces cannot be made (not root, no iproute2).
    pub fn new(probe: &str, ports: &[u16]) -> Result<Lab, String> {
        // Unique per process and per lab, so that tests may run side by side.
        static LABS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let lab_number = LABS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let prefix = format!("sck{}x{lab_number}", std::process::id() % 100_000);
        let mut lab = Lab { prefix, hosts: BTreeMap::new(), added: Vec::new(), next_id: 0 };
        let (client, router, server) =
            (lab.namespace(Some(Side::Customer)), lab.namespace(None), lab.namespace(Some(Side::Internet)));
        for namespace in [&client, &router, &server] {
            let _ = run(&["ip", "netns", "del", namespace], None);
            run(&["ip", "netns", "add", namespace], None).map_err(|error| {
                format!("network namespaces cannot be made here (the kernel test needs root): {error}")
            })?;
        }
        let batch = |namespace: &str, commands: &str| run(&["ip", "-n", namespace, "-batch", "-"], Some(commands));
        run(
            &["ip", "link", "add", "c0", "netns", &client, "type", "veth", "peer", "name", "r0", "netns", &router],
            None,
        )?;
        run(
            &["ip", "link", "add", "s0", "netns", &server, "type", "veth", "peer", "name", "r1", "netns", &router],
            None,
        )?;
        let customer_routes: String =
            CUSTOMER_SPACE.iter().map(|network| format!("route add {network} via 100.64.0.2\n")).collect();
        let customer_routes_from_server: String =
            CUSTOMER_SPACE.iter().map(|network| format!("route add {network} via 100.64.1.1\n")).collect();
        batch(
            &client,
            "link set lo up\nlink set c0 up\naddress add 100.64.0.2/30 dev c0\nroute add default via 100.64.0.1\n",
        )?;
        batch(
            &router,
            &format!(
                "link set lo up\nlink set r0 up\nlink set r1 up\naddress add 100.64.0.1/30 dev r0\naddress add 100.64.1.1/30 dev r1\nroute add default via 100.64.1.2\n{customer_routes}"
            ),
        )?;
        batch(
            &server,
            &format!("link set lo up\nlink set s0 up\naddress add 100.64.1.2/30 dev s0\n{customer_routes_from_server}"),
        )?;
        for namespace in [&client, &router, &server] {
            for setting in ["net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0"] {
                run(&["ip", "netns", "exec", namespace, "sysctl", "-qw", setting], None)?;
            }
        }
        run(&["ip", "netns", "exec", &router, "sysctl", "-qw", "net.ipv4.ip_forward=1"], None)?;
        let port_list = ports.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
        for side in [Side::Customer, Side::Internet] {
            let namespace = lab.namespace(Some(side));
            let mut child = Command::new("ip")
                .args(["netns", "exec", &namespace, probe, &port_list])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .map_err(|error| format!("cannot start the flow probe in {namespace}: {error}"))?;
            let input = child.stdin.take().ok_or("no stdin for the probe")?;
            let output = child.stdout.take().ok_or("no stdout for the probe")?;
            let (sender, answers) = channel();
            std::thread::spawn(move || {
                for line in BufReader::new(output).lines().map_while(Result::ok) {
                    if sender.send(line).is_err() {
                        break;
                    }
                }
            });
            let ready = answers.recv_timeout(Duration::from_secs(10)).map_err(|_| "the flow probe did not start")?;
            if ready != "ready" {
                return Err(format!("the flow probe in {namespace} failed: {ready}"));
            }
            lab.hosts.insert(side, Host { child, input, answers });
        }
        Ok(lab)
    }

    /// Gives the ends these addresses (on their loopback), each on the side it belongs to.
    pub fn add_addresses(&mut self, addresses: &[Ipv4Addr]) -> Result<(), String> {
        let mut commands: BTreeMap<Side, String> = BTreeMap::new();
        for &address in addresses {
            let side = side_of(address);
            if self.added.contains(&(side, address)) {
                continue;
            }
            self.added.push((side, address));
            commands.entry(side).or_default().push_str(&format!("address add {address}/32 dev lo\n"));
        }
        for (side, text) in commands {
            let namespace = self.namespace(Some(side));
            run(&["ip", "-n", &namespace, "-batch", "-"], Some(&text))?;
        }
        Ok(())
    }

    /// Empties the router's firewall (nftables and iptables both write to nf_tables here) and
    /// its connection table: a flow that reused the source port of an earlier one would
    /// otherwise pass as that one's reply ("established").
    pub fn clear_rules(&self) -> Result<(), String> {
        self.exec(None, &["nft", "flush", "ruleset"], None)?;
        match self.exec(None, &["conntrack", "-F"], None) {
            Ok(_) => Ok(()),
            // An empty table is "0 flow entries have been deleted" on stderr, exit 0; older
            // versions exit 1 on an empty table.
            Err(error) if error.contains("0 flow entries") => Ok(()),
            Err(error) => Err(format!(
                "{error} (conntrack, from Debian's conntrack package, empties the router's connection table)"
            )),
        }
    }

    pub fn nft(&self, text: &str) -> Result<(), String> {
        self.exec(None, &["nft", "-f", "-"], Some(text)).map(|_| ())
    }

    pub fn iptables_restore(&self, text: &str, noflush: bool) -> Result<(), String> {
        let arguments: &[&str] = if noflush { &["iptables-restore", "--noflush"] } else { &["iptables-restore"] };
        self.exec(None, arguments, Some(text)).map(|_| ())
    }

    /// What the kernel holds now, as `nft list ruleset` prints it.
    pub fn nft_listing(&self) -> Result<String, String> {
        self.exec(None, &["nft", "list", "ruleset"], None)
    }

    pub fn iptables_save(&self) -> Result<String, String> {
        self.exec(None, &["iptables-save"], None)
    }

    /// Opens every flow at once; true where it passed the router. `timeout` bounds each.
    pub fn probe(&mut self, flows: &[Flow], timeout: Duration) -> Result<Vec<bool>, String> {
        let mut pending: BTreeMap<u64, usize> = BTreeMap::new();
        for (index, flow) in flows.iter().enumerate() {
            let side = side_of(flow.source);
            let id = self.next_id;
            self.next_id += 1;
            let host = self.hosts.get_mut(&side).ok_or("no probe on that side")?;
            let protocol = if flow.udp { "udp" } else { "tcp" };
            writeln!(
                host.input,
                "{id} {protocol} {} {} {} {}",
                flow.source,
                flow.destination,
                flow.port,
                timeout.as_millis()
            )
            .map_err(|error| format!("the flow probe stopped: {error}"))?;
            pending.insert(id, index);
        }
        for host in self.hosts.values_mut() {
            host.input.flush().map_err(|error| error.to_string())?;
        }
        let mut passed = vec![false; flows.len()];
        let deadline = Instant::now() + timeout + Duration::from_secs(10);
        while !pending.is_empty() {
            let mut progress = false;
            for host in self.hosts.values() {
                while let Ok(line) = host.answers.try_recv() {
                    let mut words = line.split_whitespace();
                    let (Some(id), Some(result)) = (words.next().and_then(|id| id.parse::<u64>().ok()), words.next())
                    else {
                        continue;
                    };
                    if let Some(index) = pending.remove(&id) {
                        passed[index] = result == "passed";
                        progress = true;
                    }
                }
            }
            if Instant::now() > deadline {
                return Err(format!("{} probes never answered", pending.len()));
            }
            if !progress {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        Ok(passed)
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        for host in self.hosts.values_mut() {
            let _ = host.child.kill();
            let _ = host.child.wait();
        }
        for side in [Some(Side::Customer), None, Some(Side::Internet)] {
            let _ = run(&["ip", "netns", "del", &self.namespace(side)], None);
        }
    }
}
