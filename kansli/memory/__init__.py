"""The committee's memory, as the secretariat keeps it: who holds which post and seat over
time, the changes between meetings, matters across meetings and bodies, actions, adoption by the
member organisations, and the names imported minutes wrote that still need resolving."""
