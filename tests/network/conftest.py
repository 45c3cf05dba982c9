from tests.accounts.fixtures import *  # noqa: F403
from tests.network.world import *  # noqa: F403
