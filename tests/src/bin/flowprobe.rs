//! A host in a test network namespace: it answers on every port it is given (TCP accepts,
//! UDP echoes) and opens the flows it is asked for, one line each on standard input:
//! `ID tcp|udp SOURCE DESTINATION PORT TIMEOUT_MS`, answered `ID passed|refused|silent`.
//! The kernel test (`tests/kernel.rs`) runs one in each namespace through `ip netns exec`.

use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io::{BufRead, Write};
use std::net::{Ipv4Addr, SocketAddrV4, TcpListener, UdpSocket};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn serve(ports: &[u16]) -> Result<(), String> {
    for &port in ports {
        let tcp = TcpListener::bind((Ipv4Addr::UNSPECIFIED, port)).map_err(|error| format!("tcp/{port}: {error}"))?;
        std::thread::spawn(move || {
            for stream in tcp.incoming() {
                drop(stream);
            }
        });
        let udp = reusable_udp(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port))
            .map_err(|error| format!("udp/{port}: {error}"))?;
        udp.set_nonblocking(true).map_err(|error| format!("udp/{port}: {error}"))?;
        std::thread::spawn(move || echo(port, udp));
    }
    Ok(())
}

/// Echoes datagrams on one port. A socket bound to any address answers from the route's
/// address, not the one the datagram was sent to; the sender names that address, and the echo
/// leaves from a socket bound to it, so the router sees the reply of the same flow. Those
/// sockets are kept and read too: once one exists, the kernel hands it every datagram for its
/// address (the more specific binding), and a datagram must never land on a socket nobody
/// reads.
fn echo(port: u16, any: UdpSocket) {
    let mut bound: Vec<(Ipv4Addr, UdpSocket)> = Vec::new();
    let mut buffer = [0u8; 64];
    loop {
        let mut busy = false;
        if let Ok((length, from)) = any.recv_from(&mut buffer) {
            busy = true;
            let named = std::str::from_utf8(&buffer[..length]).ok().and_then(|text| text.parse::<Ipv4Addr>().ok());
            let reply = named.and_then(|address| {
                if let Some(index) = bound.iter().position(|(known, _)| *known == address) {
                    return Some(index);
                }
                let socket = reusable_udp(SocketAddrV4::new(address, port)).ok()?;
                socket.set_nonblocking(true).ok()?;
                bound.push((address, socket));
                Some(bound.len() - 1)
            });
            let socket = reply.map_or(&any, |index| &bound[index].1);
            let _ = socket.send_to(&buffer[..length], from);
        }
        for (_, socket) in &bound {
            while let Ok((length, from)) = socket.recv_from(&mut buffer) {
                busy = true;
                let _ = socket.send_to(&buffer[..length], from);
            }
        }
        if !busy {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

/// A UDP socket that may share its port with the wildcard listener.
fn reusable_udp(address: SocketAddrV4) -> std::io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.set_reuse_address(true)?;
    socket.bind(&SockAddr::from(address))?;
    Ok(socket.into())
}

/// passed: the other end answered; refused: something said no (a reset or an ICMP error);
/// silent: nothing came back in time.
fn probe(protocol: &str, source: Ipv4Addr, destination: Ipv4Addr, port: u16, timeout: Duration) -> &'static str {
    let target = SocketAddrV4::new(destination, port);
    let classify = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::ConnectionReset => "refused",
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => "silent",
        _ => "refused",
    };
    match protocol {
        "tcp" => {
            let attempt = || -> std::io::Result<()> {
                let socket = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
                socket.bind(&SockAddr::from(SocketAddrV4::new(source, 0)))?;
                socket.connect_timeout(&SockAddr::from(target), timeout)
            };
            attempt().map_or_else(classify, |()| "passed")
        }
        _ => {
            let attempt = || -> std::io::Result<()> {
                let socket = UdpSocket::bind(SocketAddrV4::new(source, 0))?;
                socket.set_read_timeout(Some(timeout))?;
                socket.connect(target)?;
                socket.send(destination.to_string().as_bytes())?;
                let mut buffer = [0u8; 64];
                socket.recv(&mut buffer).map(|_| ())
            };
            attempt().map_or_else(classify, |()| "passed")
        }
    }
}

fn main() {
    let arguments: Vec<String> = std::env::args().collect();
    let ports: Vec<u16> =
        arguments.get(1).map(|list| list.split(',').filter_map(|port| port.parse().ok()).collect()).unwrap_or_default();
    if let Err(error) = serve(&ports) {
        println!("error {error}");
        std::process::exit(1);
    }
    let output = Arc::new(Mutex::new(std::io::stdout()));
    if let Ok(mut out) = output.lock() {
        let _ = writeln!(out, "ready");
        let _ = out.flush();
    }
    let stdin = std::io::stdin();
    for line in stdin.lock().lines().map_while(Result::ok) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let [id, protocol, source, destination, port, timeout] = words.as_slice() else { continue };
        let parsed =
            (source.parse::<Ipv4Addr>(), destination.parse::<Ipv4Addr>(), port.parse::<u16>(), timeout.parse::<u64>());
        let (Ok(source), Ok(destination), Ok(port), Ok(timeout)) = parsed else {
            println!("{id} refused");
            continue;
        };
        let (id, protocol, output) = ((*id).to_owned(), (*protocol).to_owned(), Arc::clone(&output));
        std::thread::spawn(move || {
            let result = probe(&protocol, source, destination, port, Duration::from_millis(timeout));
            if let Ok(mut out) = output.lock() {
                let _ = writeln!(out, "{id} {result}");
                let _ = out.flush();
            }
        });
    }
}
