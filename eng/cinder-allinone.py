#!/usr/bin/python3
"""Runs a whole OpenStack Cinder in one process, for tests on loopback.

The volume API (WSGI), the scheduler and one volume service per enabled backend
share a single process so that oslo.messaging's in-memory ``fake://`` transport
can carry their RPC: no message broker, no Keystone, no init system.

Must run under Debian's /usr/bin/python3, the interpreter the cinder packages
are installed for. Usage: cinder-allinone.py --config-file cinder.conf
"""

# eventlet has to patch the standard library before anything imports it.
import eventlet

eventlet.monkey_patch()

import sys  # noqa: E402

from oslo_config import cfg  # noqa: E402
from oslo_log import log as logging  # noqa: E402
from oslo_service import service as oslo_service  # noqa: E402

from cinder import i18n  # noqa: E402

i18n.enable_lazy()

from cinder import coordination  # noqa: E402
from cinder import objects  # noqa: E402
from cinder import rpc  # noqa: E402
from cinder import service  # noqa: E402
from cinder import utils  # noqa: E402
from cinder import version  # noqa: E402
from cinder.common import config  # noqa: E402
from cinder.common import constants  # noqa: E402

CONF = cfg.CONF


def _services():
    """The services to run: scheduler, one volume service per backend, API."""
    yield service.Service.create(binary='cinder-scheduler')
    for backend in CONF.enabled_backends or []:
        if not backend:
            continue
        # The same host@backend naming cinder-volume uses, so the scheduler
        # finds the backend it was told about.
        yield service.Service.create(
            host='%s@%s' % (CONF.host, backend),
            service_name=backend,
            binary=constants.VOLUME_BINARY,
            coordination=True,
            cluster=None)
    yield service.WSGIService('osapi_volume')


def main(argv):
    objects.register_all()
    CONF(argv, project='cinder', version=version.version_string())
    config.set_middleware_defaults()
    logging.setup(CONF, 'cinder')
    utils.monkey_patch()
    coordination.COORDINATOR.start()
    rpc.init(CONF)

    # ServiceLauncher keeps every service in this process (green threads);
    # a ProcessLauncher would fork, and forked children would not share the
    # in-memory transport.
    launcher = oslo_service.ServiceLauncher(CONF)
    for svc in _services():
        launcher.launch_service(svc, workers=1)
    return launcher.wait()


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
